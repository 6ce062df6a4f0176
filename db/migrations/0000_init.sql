CREATE TABLE "architectures" (
	"hash" text PRIMARY KEY NOT NULL,
	"matrix" text NOT NULL,
	"operations" text[] NOT NULL,
	"vertices" smallint NOT NULL,
	"edges" smallint NOT NULL,
	"trainable_parameters" integer NOT NULL,
	"flops" bigint NOT NULL,
	"residual_connections" smallint NOT NULL,
	"size_cluster" smallint,
	"enumeration_index" integer
);
--> statement-breakpoint
CREATE TABLE "size_clusters" (
	"id" smallint PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"min_parameters" bigint NOT NULL,
	"max_parameters" bigint NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nngp_experiments" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"config" jsonb NOT NULL,
	"retention" text DEFAULT 'all' NOT NULL,
	"precision" text DEFAULT 'float32' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nngp_experiments_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "nngp_kernels" (
	"experiment_id" integer NOT NULL,
	"module_hash" text NOT NULL,
	"seed" integer NOT NULL,
	"n_train" integer NOT NULL,
	"n_val" integer NOT NULL,
	"representation" text NOT NULL,
	"width" integer,
	"dtype" text NOT NULL,
	"data" "bytea" NOT NULL,
	"backend" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nngp_kernels_experiment_id_module_hash_seed_pk" PRIMARY KEY("experiment_id","module_hash","seed")
);
--> statement-breakpoint
CREATE TABLE "nngp_results" (
	"experiment_id" integer NOT NULL,
	"module_hash" text NOT NULL,
	"n_train" integer NOT NULL,
	"n_val" integer NOT NULL,
	"ensemble" smallint NOT NULL,
	"accuracy" double precision,
	"accuracies" double precision[] NOT NULL,
	"regularizers" double precision[] NOT NULL,
	"engine" text NOT NULL,
	"backend" text NOT NULL,
	"seconds" real NOT NULL,
	"flops" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nngp_results_experiment_id_module_hash_n_train_n_val_ensemble_pk" PRIMARY KEY("experiment_id","module_hash","n_train","n_val","ensemble")
);
--> statement-breakpoint
CREATE TABLE "proxy_scores" (
	"proxy" text NOT NULL,
	"module_hash" text NOT NULL,
	"value" double precision,
	"source" text NOT NULL,
	CONSTRAINT "proxy_scores_proxy_module_hash_pk" PRIMARY KEY("proxy","module_hash")
);
--> statement-breakpoint
CREATE TABLE "record_imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"path" text NOT NULL,
	"file_size" bigint NOT NULL,
	"fingerprint" text NOT NULL,
	"committed_offset" bigint DEFAULT 0 NOT NULL,
	"committed_records" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"error" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "training_records" (
	"module_hash" text NOT NULL,
	"epochs" smallint NOT NULL,
	"repeat" smallint NOT NULL,
	"halfway_train_accuracy" double precision,
	"halfway_validation_accuracy" double precision,
	"halfway_test_accuracy" double precision,
	"halfway_training_time" double precision,
	"final_train_accuracy" double precision,
	"final_validation_accuracy" double precision,
	"final_test_accuracy" double precision,
	"final_training_time" double precision,
	"total_time" double precision,
	"source_import_id" integer,
	"source_offset" bigint,
	CONSTRAINT "training_records_module_hash_epochs_repeat_pk" PRIMARY KEY("module_hash","epochs","repeat")
);
--> statement-breakpoint
ALTER TABLE "nngp_kernels" ADD CONSTRAINT "nngp_kernels_experiment_id_nngp_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."nngp_experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nngp_kernels" ADD CONSTRAINT "nngp_kernels_module_hash_architectures_hash_fk" FOREIGN KEY ("module_hash") REFERENCES "public"."architectures"("hash") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nngp_results" ADD CONSTRAINT "nngp_results_experiment_id_nngp_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."nngp_experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nngp_results" ADD CONSTRAINT "nngp_results_module_hash_architectures_hash_fk" FOREIGN KEY ("module_hash") REFERENCES "public"."architectures"("hash") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proxy_scores" ADD CONSTRAINT "proxy_scores_module_hash_architectures_hash_fk" FOREIGN KEY ("module_hash") REFERENCES "public"."architectures"("hash") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_module_hash_architectures_hash_fk" FOREIGN KEY ("module_hash") REFERENCES "public"."architectures"("hash") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_source_import_id_record_imports_id_fk" FOREIGN KEY ("source_import_id") REFERENCES "public"."record_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "architectures_parameters_idx" ON "architectures" USING btree ("trainable_parameters");--> statement-breakpoint
CREATE INDEX "architectures_residual_idx" ON "architectures" USING btree ("residual_connections");--> statement-breakpoint
CREATE INDEX "architectures_cluster_idx" ON "architectures" USING btree ("size_cluster");--> statement-breakpoint
CREATE INDEX "architectures_enumeration_idx" ON "architectures" USING btree ("enumeration_index");--> statement-breakpoint
CREATE INDEX "nngp_results_module_idx" ON "nngp_results" USING btree ("module_hash");--> statement-breakpoint
CREATE INDEX "proxy_scores_module_idx" ON "proxy_scores" USING btree ("module_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "record_imports_fingerprint_idx" ON "record_imports" USING btree ("fingerprint");--> statement-breakpoint
CREATE INDEX "training_records_epochs_idx" ON "training_records" USING btree ("epochs","module_hash");--> statement-breakpoint
CREATE INDEX "training_records_source_idx" ON "training_records" USING btree ("source_import_id","source_offset");