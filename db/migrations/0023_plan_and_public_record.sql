CREATE TABLE `meeting_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`kind` text NOT NULL,
	`body` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "meeting_documents_kind" CHECK(kind IN ('fact_sheet','chair_statement'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_documents_meeting_kind` ON `meeting_documents` (`meeting_id`,`kind`);--> statement-breakpoint
CREATE TABLE `nap_action_supporters` (
	`action_id` integer NOT NULL,
	`agency_id` integer NOT NULL,
	PRIMARY KEY(`action_id`, `agency_id`),
	FOREIGN KEY (`action_id`) REFERENCES `nap_actions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `plan_objectives` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text,
	`plan_id` integer NOT NULL,
	`pillar_id` integer NOT NULL,
	`number` integer,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`source_id` integer,
	`source_page` text,
	`retired_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pillar_id`) REFERENCES `pillars`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "plan_objectives_title" CHECK(length(trim("plan_objectives"."title")) > 0),
	CONSTRAINT "plan_objectives_number" CHECK("plan_objectives"."number" IS NULL OR "plan_objectives"."number" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_objectives_key_unique` ON `plan_objectives` (`key`);--> statement-breakpoint
CREATE UNIQUE INDEX `plan_objectives_pillar_number` ON `plan_objectives` (`pillar_id`,`number`) WHERE "plan_objectives"."number" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `plan_objectives_pillar_position` ON `plan_objectives` (`pillar_id`,`position`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`title` text NOT NULL,
	`adopted_on` text NOT NULL,
	`source_id` integer,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plans_key_unique` ON `plans` (`key`);--> statement-breakpoint
CREATE TABLE `releases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` integer NOT NULL,
	`as_of` text NOT NULL,
	`published_at` integer NOT NULL,
	`published_by_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`deliverable_count` integer NOT NULL,
	`snapshot` text NOT NULL,
	FOREIGN KEY (`published_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "releases_number" CHECK("releases"."number" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `releases_number_unique` ON `releases` (`number`);--> statement-breakpoint
ALTER TABLE `deliverables` ADD `objective_id` integer REFERENCES plan_objectives(id);--> statement-breakpoint
ALTER TABLE `deliverables` ADD `objective_by_secretariat` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `deliverables` ADD `publishable` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `deliverables_objective_status` ON `deliverables` (`objective_id`,`status`,`lead_agency_id`);--> statement-breakpoint
ALTER TABLE `nap_actions` ADD `objective_id` integer REFERENCES plan_objectives(id);--> statement-breakpoint
ALTER TABLE `nap_actions` ADD `lead_agency_id` integer REFERENCES agencies(id);--> statement-breakpoint
ALTER TABLE `nap_actions` ADD `source_page` text;--> statement-breakpoint
ALTER TABLE `nap_actions` ADD `retired_at` integer;--> statement-breakpoint
ALTER TABLE `nap_actions` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX `nap_actions_objective` ON `nap_actions` (`objective_id`);--> statement-breakpoint
ALTER TABLE `pillars` ADD `long_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- The plan's own titles for its pillars; the app keeps showing the short names.
UPDATE `pillars` SET `long_name` = CASE `slug` WHEN 'prevention' THEN 'Prevention' WHEN 'protection' THEN 'Protection' WHEN 'prosecution' THEN 'Prosecution' WHEN 'partnership' THEN 'Crosscutting Approaches and Institutional Effectiveness' END;
--> statement-breakpoint
-- Change counters (see migration 0022) for the tables plan coverage and the public record read.
INSERT INTO `table_changes` (`name`, `version`) VALUES ('deliverable_supporters', 0), ('nap_action_supporters', 0), ('nap_actions', 0), ('plan_objectives', 0), ('releases', 0);
--> statement-breakpoint
CREATE TRIGGER table_changes_deliverable_supporters_insert AFTER INSERT ON `deliverable_supporters` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'deliverable_supporters'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_deliverable_supporters_update AFTER UPDATE ON `deliverable_supporters` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'deliverable_supporters'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_deliverable_supporters_delete AFTER DELETE ON `deliverable_supporters` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'deliverable_supporters'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_nap_action_supporters_insert AFTER INSERT ON `nap_action_supporters` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'nap_action_supporters'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_nap_action_supporters_update AFTER UPDATE ON `nap_action_supporters` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'nap_action_supporters'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_nap_action_supporters_delete AFTER DELETE ON `nap_action_supporters` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'nap_action_supporters'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_nap_actions_insert AFTER INSERT ON `nap_actions` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'nap_actions'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_nap_actions_update AFTER UPDATE ON `nap_actions` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'nap_actions'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_nap_actions_delete AFTER DELETE ON `nap_actions` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'nap_actions'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_plan_objectives_insert AFTER INSERT ON `plan_objectives` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'plan_objectives'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_plan_objectives_update AFTER UPDATE ON `plan_objectives` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'plan_objectives'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_plan_objectives_delete AFTER DELETE ON `plan_objectives` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'plan_objectives'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_releases_insert AFTER INSERT ON `releases` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'releases'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_releases_update AFTER UPDATE ON `releases` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'releases'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_releases_delete AFTER DELETE ON `releases` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'releases'; END;
