import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/**
 * The `TrainingRepeat` scalar: an Int or a String as sent. Whether it is 0, 1, 2 or "mean" is
 * checked by compute/predictors' `parseRepeat` when the predictor is loaded, so a bad value is a
 * BAD_USER_INPUT naming the argument and field, like every other bad predictor input.
 */
export const TrainingRepeat = new GraphQLScalarType({
  name: 'TrainingRepeat',
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value === 'number' || typeof value === 'string') return value;
    throw new GraphQLError('a training repeat is 0, 1, 2 or "mean"', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  },
  parseLiteral: (ast) => {
    if (ast.kind === Kind.INT) return Number(ast.value);
    if (ast.kind === Kind.STRING) return ast.value;
    throw new GraphQLError('a training repeat is 0, 1, 2 or "mean"', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  },
});
