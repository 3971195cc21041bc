CREATE TABLE `text_extents` (
	`source` text NOT NULL,
	`project_id` integer NOT NULL,
	`variable` text NOT NULL,
	`max_bytes` integer NOT NULL,
	PRIMARY KEY(`source`, `project_id`, `variable`)
);
--> statement-breakpoint
DROP INDEX `log_notes_project_month`;--> statement-breakpoint
CREATE INDEX `log_notes_project_month` ON `log_notes` (`project_id`,`month`,`author_id`,`instrument_version`);--> statement-breakpoint
-- Written by hand below (drizzle-kit does not model triggers): text_extents is kept by the
-- answer tables' own triggers, so every way a note is written (the app, the demo, the command
-- line) keeps it right, and the rows already stored are measured once here.
CREATE TRIGGER `log_notes_text_extents_insert` AFTER INSERT ON `log_notes` BEGIN
	INSERT INTO `text_extents` (`source`, `project_id`, `variable`, `max_bytes`)
		SELECT 'log_notes', NEW.`project_id`, j.`key`, length(CAST(j.`value` AS BLOB)) FROM json_each(NEW.`answers`) AS j WHERE j.`type` = 'text'
		ON CONFLICT (`source`, `project_id`, `variable`) DO UPDATE SET `max_bytes` = max(`max_bytes`, excluded.`max_bytes`);
END;
--> statement-breakpoint
CREATE TRIGGER `log_notes_text_extents_update` AFTER UPDATE OF `answers`, `project_id` ON `log_notes` BEGIN
	INSERT INTO `text_extents` (`source`, `project_id`, `variable`, `max_bytes`)
		SELECT 'log_notes', NEW.`project_id`, j.`key`, length(CAST(j.`value` AS BLOB)) FROM json_each(NEW.`answers`) AS j WHERE j.`type` = 'text'
		ON CONFLICT (`source`, `project_id`, `variable`) DO UPDATE SET `max_bytes` = max(`max_bytes`, excluded.`max_bytes`);
END;
--> statement-breakpoint
INSERT INTO `text_extents` (`source`, `project_id`, `variable`, `max_bytes`)
	SELECT 'log_notes', n.`project_id`, j.`key`, max(length(CAST(j.`value` AS BLOB))) FROM `log_notes` AS n, json_each(n.`answers`) AS j WHERE j.`type` = 'text' GROUP BY n.`project_id`, j.`key`;
