CREATE TABLE `instrument_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`instrument_id` text NOT NULL,
	`version` integer NOT NULL,
	`status` text NOT NULL,
	`origin` text NOT NULL,
	`yaml` text NOT NULL,
	`sha256` text NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`published_at` integer,
	`published_by` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `instrument_versions_key` ON `instrument_versions` (`instrument_id`,`version`);