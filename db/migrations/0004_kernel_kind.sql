-- Reviewed: drizzle-kit emitted the new primary keys before the column they name; the columns come first.
ALTER TABLE "nngp_kernels" ADD COLUMN "kind" text DEFAULT 'nngp' NOT NULL;--> statement-breakpoint
ALTER TABLE "nngp_results" ADD COLUMN "kind" text DEFAULT 'nngp' NOT NULL;--> statement-breakpoint
ALTER TABLE "nngp_kernels" ADD CONSTRAINT "nngp_kernels_kind_check" CHECK ("nngp_kernels"."kind" IN ('nngp', 'ntk'));--> statement-breakpoint
ALTER TABLE "nngp_results" ADD CONSTRAINT "nngp_results_kind_check" CHECK ("nngp_results"."kind" IN ('nngp', 'ntk'));--> statement-breakpoint
ALTER TABLE "nngp_kernels" DROP CONSTRAINT "nngp_kernels_experiment_id_module_hash_seed_pk";--> statement-breakpoint
ALTER TABLE "nngp_results" DROP CONSTRAINT "nngp_results_experiment_id_module_hash_n_train_n_val_ensemble_pk";--> statement-breakpoint
ALTER TABLE "nngp_kernels" ADD CONSTRAINT "nngp_kernels_experiment_id_module_hash_kind_seed_pk" PRIMARY KEY("experiment_id","module_hash","kind","seed");--> statement-breakpoint
ALTER TABLE "nngp_results" ADD CONSTRAINT "nngp_results_experiment_id_module_hash_kind_n_train_n_val_ensemble_pk" PRIMARY KEY("experiment_id","module_hash","kind","n_train","n_val","ensemble");
