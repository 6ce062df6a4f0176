-- Reviewed: drizzle-kit left the old size_clusters key commented out and added the new one before its column; the columns come first, then the keys. Existing rows are NAS-Bench-101 (the default).
CREATE TABLE "mnas_measurements" (
	"module_hash" text PRIMARY KEY NOT NULL,
	"accuracy_5epoch" double precision NOT NULL,
	"latency_ms" double precision NOT NULL,
	"final_accuracy" double precision,
	"reward" double precision NOT NULL,
	"target_latency_ms" double precision NOT NULL,
	"latency_exponent" double precision NOT NULL,
	"source" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "architectures_cluster_residual_hash_idx";--> statement-breakpoint
ALTER TABLE "architectures" ALTER COLUMN "matrix" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "architectures" ALTER COLUMN "operations" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "architectures" ALTER COLUMN "vertices" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "architectures" ALTER COLUMN "edges" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "architectures" ADD COLUMN "space" text DEFAULT 'nasbench101' NOT NULL;--> statement-breakpoint
ALTER TABLE "architectures" ADD COLUMN "encoding" text;--> statement-breakpoint
ALTER TABLE "size_clusters" ADD COLUMN "space" text DEFAULT 'nasbench101' NOT NULL;--> statement-breakpoint
ALTER TABLE "size_clusters" DROP CONSTRAINT "size_clusters_pkey";--> statement-breakpoint
ALTER TABLE "size_clusters" ADD CONSTRAINT "size_clusters_space_id_pk" PRIMARY KEY("space","id");--> statement-breakpoint
ALTER TABLE "mnas_measurements" ADD CONSTRAINT "mnas_measurements_module_hash_architectures_hash_fk" FOREIGN KEY ("module_hash") REFERENCES "public"."architectures"("hash") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "architectures_space_cluster_residual_hash_idx" ON "architectures" USING btree ("space","size_cluster","residual_connections","hash");--> statement-breakpoint
ALTER TABLE "architectures" ADD CONSTRAINT "architectures_space_check" CHECK ("architectures"."space" IN ('nasbench101', 'mnas'));--> statement-breakpoint
ALTER TABLE "architectures" ADD CONSTRAINT "architectures_space_fields_check" CHECK (CASE "architectures"."space" WHEN 'nasbench101' THEN "architectures"."matrix" IS NOT NULL AND "architectures"."operations" IS NOT NULL AND "architectures"."vertices" IS NOT NULL AND "architectures"."edges" IS NOT NULL ELSE "architectures"."encoding" IS NOT NULL END);--> statement-breakpoint
ALTER TABLE "size_clusters" ADD CONSTRAINT "size_clusters_space_check" CHECK ("size_clusters"."space" IN ('nasbench101', 'mnas'));--> statement-breakpoint
-- Hand-written (drizzle-kit does not model triggers): imported measurements are the MNAS ground truth.
CREATE TRIGGER "mnas_measurements_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "mnas_measurements" FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
