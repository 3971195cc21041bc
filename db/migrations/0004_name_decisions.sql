CREATE TABLE `name_decisions` (
	`project_id` integer NOT NULL,
	`term` text NOT NULL,
	`decision` text NOT NULL,
	`reviewer_id` integer,
	`decided_at` integer DEFAULT (unixepoch()) NOT NULL,
	PRIMARY KEY(`project_id`, `term`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
