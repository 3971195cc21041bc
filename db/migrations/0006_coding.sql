CREATE TABLE `code_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code_id` integer NOT NULL,
	`actor_id` integer NOT NULL,
	`kind` text NOT NULL,
	`details` text,
	`at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`code_id`) REFERENCES `codes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `code_events_code` ON `code_events` (`code_id`,`id`);--> statement-breakpoint
CREATE TABLE `codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`parent_id` integer,
	`name` text NOT NULL,
	`definition` text DEFAULT '' NOT NULL,
	`inclusion` text DEFAULT '' NOT NULL,
	`exclusion` text DEFAULT '' NOT NULL,
	`example` text DEFAULT '' NOT NULL,
	`colour` text DEFAULT '#1f5c7a' NOT NULL,
	`co_researchers` integer DEFAULT false NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`retired_at` integer,
	`merged_into` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `codes_project` ON `codes` (`project_id`,`parent_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `codes_project_name` ON `codes` (`project_id`,`name`);--> statement-breakpoint
CREATE TABLE `coding_rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`title` text NOT NULL,
	`sample` text NOT NULL,
	`coders` text NOT NULL,
	`code_ids` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `codings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`code_id` integer NOT NULL,
	`coder_id` integer NOT NULL,
	`note_id` integer NOT NULL,
	`field` text DEFAULT '' NOT NULL,
	`start` integer DEFAULT 0 NOT NULL,
	`end` integer DEFAULT 0 NOT NULL,
	`round_id` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`code_id`) REFERENCES `codes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`coder_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `codings_unique` ON `codings` (`code_id`,`coder_id`,`note_id`,`field`,`start`,`end`,`round_id`);--> statement-breakpoint
CREATE INDEX `codings_note` ON `codings` (`note_id`,`round_id`);--> statement-breakpoint
CREATE INDEX `codings_code` ON `codings` (`code_id`);--> statement-breakpoint
CREATE TABLE `memos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`code_id` integer,
	`coding_id` integer,
	`author_id` integer NOT NULL,
	`text` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `memos_code` ON `memos` (`code_id`);--> statement-breakpoint
CREATE INDEX `memos_coding` ON `memos` (`coding_id`);--> statement-breakpoint
CREATE TABLE `round_decisions` (
	`round_id` integer NOT NULL,
	`coder_id` integer NOT NULL,
	`note_id` integer NOT NULL,
	`at` integer DEFAULT (unixepoch()) NOT NULL,
	PRIMARY KEY(`round_id`, `coder_id`, `note_id`),
	FOREIGN KEY (`round_id`) REFERENCES `coding_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`coder_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
