CREATE TABLE `log_drafts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`author_id` integer NOT NULL,
	`draft_key` text NOT NULL,
	`note_id` integer,
	`values` text NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`note_id`) REFERENCES `log_notes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `log_drafts_author_key` ON `log_drafts` (`author_id`,`draft_key`);--> statement-breakpoint
CREATE INDEX `log_drafts_note` ON `log_drafts` (`note_id`);--> statement-breakpoint
CREATE TABLE `log_month_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`author_id` integer NOT NULL,
	`month` text NOT NULL,
	`kind` text NOT NULL,
	`actor_id` integer NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`note_count` integer DEFAULT 0 NOT NULL,
	`at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `log_month_events_author_month` ON `log_month_events` (`author_id`,`month`);--> statement-breakpoint
CREATE TABLE `log_months` (
	`author_id` integer NOT NULL,
	`month` text NOT NULL,
	`project_id` integer NOT NULL,
	`status` text NOT NULL,
	`submitted_at` integer NOT NULL,
	`reopened_at` integer,
	`reopened_by` integer,
	PRIMARY KEY(`author_id`, `month`),
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reopened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `log_months_project` ON `log_months` (`project_id`,`month`);--> statement-breakpoint
CREATE TABLE `log_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`case_project_id` integer NOT NULL,
	`client_key` text NOT NULL,
	`month` text NOT NULL,
	`date` text NOT NULL,
	`step` integer NOT NULL,
	`instrument_id` text NOT NULL,
	`instrument_version` integer NOT NULL,
	`answers` text NOT NULL,
	`search_text` text DEFAULT '' NOT NULL,
	`flags` text DEFAULT '[]' NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_project_id`) REFERENCES `case_projects`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `log_notes_author_key` ON `log_notes` (`author_id`,`client_key`);--> statement-breakpoint
CREATE INDEX `log_notes_author_month` ON `log_notes` (`author_id`,`month`,`date`);--> statement-breakpoint
CREATE INDEX `log_notes_project_month` ON `log_notes` (`project_id`,`month`);--> statement-breakpoint
CREATE TABLE `survey_answers` (
	`id` integer PRIMARY KEY NOT NULL,
	`wave_id` integer NOT NULL,
	`instrument_id` text NOT NULL,
	`instrument_version` integer NOT NULL,
	`month` text NOT NULL,
	`round` integer NOT NULL,
	`answers` text NOT NULL,
	FOREIGN KEY (`wave_id`) REFERENCES `survey_waves`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `survey_answers_wave` ON `survey_answers` (`wave_id`);--> statement-breakpoint
CREATE TABLE `survey_exclusions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`wave_id` integer NOT NULL,
	`answer_id` integer NOT NULL,
	`item` text NOT NULL,
	`reason` text NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`wave_id`) REFERENCES `survey_waves`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answer_id`) REFERENCES `survey_answers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_exclusions_answer_item` ON `survey_exclusions` (`wave_id`,`answer_id`,`item`);--> statement-breakpoint
CREATE TABLE `survey_link_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`wave_id` integer NOT NULL,
	`owner_id` integer NOT NULL,
	`count` integer NOT NULL,
	`request_key` text NOT NULL,
	`issued_on` text NOT NULL,
	FOREIGN KEY (`wave_id`) REFERENCES `survey_waves`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_link_batches_request` ON `survey_link_batches` (`owner_id`,`request_key`);--> statement-breakpoint
CREATE INDEX `survey_link_batches_wave_owner` ON `survey_link_batches` (`wave_id`,`owner_id`);--> statement-breakpoint
CREATE TABLE `survey_links` (
	`id` integer PRIMARY KEY NOT NULL,
	`wave_id` integer NOT NULL,
	`owner_id` integer NOT NULL,
	`batch_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`used` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`wave_id`) REFERENCES `survey_waves`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `survey_link_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_links_token` ON `survey_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `survey_links_wave_owner` ON `survey_links` (`wave_id`,`owner_id`);--> statement-breakpoint
CREATE TABLE `survey_reminders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`wave_id` integer NOT NULL,
	`owner_id` integer NOT NULL,
	`round` integer NOT NULL,
	`sent_on` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`wave_id`) REFERENCES `survey_waves`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_reminders_owner_round` ON `survey_reminders` (`wave_id`,`owner_id`,`round`);--> statement-breakpoint
CREATE TABLE `survey_spent` (
	`key` integer PRIMARY KEY NOT NULL,
	`wave_id` integer NOT NULL,
	FOREIGN KEY (`wave_id`) REFERENCES `survey_waves`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `survey_spent_wave` ON `survey_spent` (`wave_id`);--> statement-breakpoint
CREATE TABLE `survey_waves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`instrument_id` text NOT NULL,
	`instrument_version` integer NOT NULL,
	`title` text NOT NULL,
	`info_nb` text NOT NULL,
	`info_en` text NOT NULL,
	`contact` text DEFAULT '' NOT NULL,
	`open_date` text NOT NULL,
	`close_date` text NOT NULL,
	`min_answers` integer DEFAULT 5 NOT NULL,
	`targeted_reminders` integer DEFAULT false NOT NULL,
	`closed_at` integer,
	`finalised_at` integer,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `survey_waves_project` ON `survey_waves` (`project_id`);--> statement-breakpoint
CREATE TABLE `exchange_agenda_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`exchange_id` integer NOT NULL,
	`position` integer NOT NULL,
	`time` text,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`leader` text DEFAULT '' NOT NULL,
	`kind` text NOT NULL,
	`client_key` text,
	FOREIGN KEY (`exchange_id`) REFERENCES `exchanges`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `exchange_agenda_exchange` ON `exchange_agenda_items` (`exchange_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `exchange_agenda_key` ON `exchange_agenda_items` (`exchange_id`,`client_key`);--> statement-breakpoint
CREATE TABLE `exchange_attendance` (
	`exchange_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`exchange_id`, `user_id`),
	FOREIGN KEY (`exchange_id`) REFERENCES `exchanges`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `exchange_guests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`exchange_id` integer NOT NULL,
	`description` text NOT NULL,
	`organisation_id` integer,
	`counted` integer NOT NULL,
	`client_key` text,
	FOREIGN KEY (`exchange_id`) REFERENCES `exchanges`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `exchange_guests_exchange` ON `exchange_guests` (`exchange_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `exchange_guests_key` ON `exchange_guests` (`exchange_id`,`client_key`);--> statement-breakpoint
CREATE TABLE `exchange_homework` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`exchange_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`document_type` text NOT NULL,
	`deadline` text,
	`client_key` text,
	FOREIGN KEY (`exchange_id`) REFERENCES `exchanges`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `exchange_homework_exchange` ON `exchange_homework` (`exchange_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `exchange_homework_key` ON `exchange_homework` (`exchange_id`,`client_key`);--> statement-breakpoint
CREATE TABLE `exchange_preparations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`exchange_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`instrument_id` text NOT NULL,
	`instrument_version` integer NOT NULL,
	`answers` text,
	`submitted_at` integer,
	`draft` text,
	`draft_version` integer,
	`draft_saved_at` integer,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`exchange_id`) REFERENCES `exchanges`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exchange_preparations_person` ON `exchange_preparations` (`exchange_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `exchange_question_versions` (
	`exchange_id` integer NOT NULL,
	`version` integer NOT NULL,
	`definition` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	PRIMARY KEY(`exchange_id`, `version`),
	FOREIGN KEY (`exchange_id`) REFERENCES `exchanges`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `exchange_registrations` (
	`exchange_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`coming` integer NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	PRIMARY KEY(`exchange_id`, `user_id`),
	FOREIGN KEY (`exchange_id`) REFERENCES `exchanges`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `exchange_transcript_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`transcript_id` integer NOT NULL,
	`code` text NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`transcript_id`) REFERENCES `exchange_transcripts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exchange_transcript_codes_span` ON `exchange_transcript_codes` (`transcript_id`,`code`,`start`,`end`);--> statement-breakpoint
CREATE TABLE `exchange_transcript_turns` (
	`transcript_id` integer NOT NULL,
	`position` integer NOT NULL,
	`speaker` text,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	PRIMARY KEY(`transcript_id`, `position`),
	FOREIGN KEY (`transcript_id`) REFERENCES `exchange_transcripts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `exchange_transcripts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`exchange_id` integer NOT NULL,
	`title` text NOT NULL,
	`source` text NOT NULL,
	`file_name` text,
	`original_text` text NOT NULL,
	`pseudonymised_text` text NOT NULL,
	`replacements` text DEFAULT '[]' NOT NULL,
	`status` text DEFAULT 'private' NOT NULL,
	`nvivo_export` integer DEFAULT true NOT NULL,
	`client_key` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`released_at` integer,
	FOREIGN KEY (`exchange_id`) REFERENCES `exchanges`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `exchange_transcripts_exchange` ON `exchange_transcripts` (`exchange_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `exchange_transcripts_key` ON `exchange_transcripts` (`created_by`,`client_key`);--> statement-breakpoint
CREATE TABLE `exchanges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`audience` text NOT NULL,
	`number` integer NOT NULL,
	`date` text NOT NULL,
	`date_is_approximate` integer DEFAULT false NOT NULL,
	`start_time` text,
	`end_time` text,
	`hours_override` real,
	`day_kind_override` text,
	`place` text DEFAULT '' NOT NULL,
	`theme` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`preparation_deadline` text,
	`share_answers` integer DEFAULT false NOT NULL,
	`questions_version` integer DEFAULT 1 NOT NULL,
	`client_key` text,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exchanges_series_number` ON `exchanges` (`project_id`,`audience`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `exchanges_key` ON `exchanges` (`created_by`,`client_key`);--> statement-breakpoint
CREATE INDEX `exchanges_project_date` ON `exchanges` (`project_id`,`date`);--> statement-breakpoint
CREATE TABLE `export_packages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`actor_id` integer,
	`request_key` text NOT NULL,
	`dataset` text NOT NULL,
	`format` text NOT NULL,
	`file_name` text NOT NULL,
	`stored_as` text,
	`byte_size` integer NOT NULL,
	`sha256` text NOT NULL,
	`rows` integer NOT NULL,
	`manifest` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `export_packages_request` ON `export_packages` (`request_key`);--> statement-breakpoint
CREATE INDEX `export_packages_project` ON `export_packages` (`project_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `export_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`dataset` text NOT NULL,
	`reviewer_id` integer,
	`request_key` text NOT NULL,
	`terms` text NOT NULL,
	`proposed` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `export_reviews_request` ON `export_reviews` (`request_key`);--> statement-breakpoint
CREATE INDEX `export_reviews_project_dataset` ON `export_reviews` (`project_id`,`dataset`,`id`);--> statement-breakpoint
CREATE TABLE `report_drafts` (
	`participant_id` integer PRIMARY KEY NOT NULL,
	`author_id` integer NOT NULL,
	`values` text NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `report_participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `report_participants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`case_project_id` integer NOT NULL,
	`js_id` integer NOT NULL,
	`code` text NOT NULL,
	`client_key` text NOT NULL,
	`start_month` text NOT NULL,
	`consent_date` text NOT NULL,
	`consent_recorded_by` integer NOT NULL,
	`withdrawn_date` text,
	`withdrawn_recorded_by` integer,
	`withdrawn_recorded_at` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_project_id`) REFERENCES `case_projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`js_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consent_recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`withdrawn_recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_participants_code` ON `report_participants` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `report_participants_js_key` ON `report_participants` (`js_id`,`client_key`);--> statement-breakpoint
CREATE INDEX `report_participants_project` ON `report_participants` (`project_id`,`case_project_id`);--> statement-breakpoint
CREATE TABLE `report_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`participant_id` integer NOT NULL,
	`number` integer NOT NULL,
	`effective_date` text NOT NULL,
	`instrument_id` text NOT NULL,
	`instrument_version` integer NOT NULL,
	`answers` text NOT NULL,
	`status` integer NOT NULL,
	`author_id` integer NOT NULL,
	`client_key` text NOT NULL,
	`saved_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `report_participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_versions_number` ON `report_versions` (`participant_id`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `report_versions_key` ON `report_versions` (`participant_id`,`client_key`);--> statement-breakpoint
CREATE INDEX `report_versions_effective` ON `report_versions` (`participant_id`,`effective_date`);