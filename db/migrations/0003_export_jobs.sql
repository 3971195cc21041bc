CREATE TABLE `export_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_key` text NOT NULL,
	`project_id` integer NOT NULL,
	`actor_id` integer,
	`actor_name` text NOT NULL,
	`via` text NOT NULL,
	`dataset` text NOT NULL,
	`format` text NOT NULL,
	`request` text NOT NULL,
	`out` text,
	`state` text DEFAULT 'queued' NOT NULL,
	`phase` text,
	`done_rows` integer DEFAULT 0 NOT NULL,
	`total_rows` integer,
	`error` text,
	`export_id` integer,
	`runner` text,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	`heartbeat_at` integer,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`export_id`) REFERENCES `export_packages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `export_jobs_request` ON `export_jobs` (`request_key`);--> statement-breakpoint
CREATE INDEX `export_jobs_state` ON `export_jobs` (`state`,`id`);