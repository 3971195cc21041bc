DROP INDEX `codings_unique`;--> statement-breakpoint
DROP INDEX `codings_note`;--> statement-breakpoint
ALTER TABLE `codings` ADD `source` text DEFAULT 'note' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `codings_unique` ON `codings` (`code_id`,`coder_id`,`source`,`note_id`,`field`,`start`,`end`,`round_id`);--> statement-breakpoint
CREATE INDEX `codings_note` ON `codings` (`source`,`note_id`,`round_id`);