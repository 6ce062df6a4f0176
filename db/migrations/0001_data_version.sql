CREATE TABLE "data_version" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_version_single_row" CHECK ("data_version"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "nngp_experiments" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
INSERT INTO "data_version" ("id", "version") VALUES (1, 0);
--> statement-breakpoint
-- Hand-written (drizzle-kit does not model triggers): every statement that changes data the
-- analyses read bumps the single version row, which invalidates derived caches (the API's metrics).
CREATE FUNCTION "bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "data_version" SET "version" = "version" + 1, "changed_at" = now() WHERE "id" = 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "architectures_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "architectures" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
--> statement-breakpoint
CREATE TRIGGER "size_clusters_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "size_clusters" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
--> statement-breakpoint
CREATE TRIGGER "training_records_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "training_records" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
--> statement-breakpoint
CREATE TRIGGER "proxy_scores_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "proxy_scores" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
--> statement-breakpoint
CREATE TRIGGER "nngp_experiments_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "nngp_experiments" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
--> statement-breakpoint
CREATE TRIGGER "nngp_results_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "nngp_results" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
