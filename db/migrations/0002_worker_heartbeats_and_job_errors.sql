CREATE TABLE "evaluation_workers" (
	"worker_id" text PRIMARY KEY NOT NULL,
	"host" text NOT NULL,
	"pid" integer NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "nngp_experiments" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "nngp_experiments" ADD COLUMN "last_error_at" timestamp with time zone;