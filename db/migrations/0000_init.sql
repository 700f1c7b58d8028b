CREATE TABLE `agencies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`abbreviation` text NOT NULL,
	`member_since` integer,
	`membership_inferred` integer DEFAULT false NOT NULL,
	`source_id` integer,
	`retired_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "agencies_slug_format" CHECK("agencies"."slug" GLOB '[a-z]*' AND "agencies"."slug" NOT GLOB '*[^a-z0-9-]*')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agencies_slug_unique` ON `agencies` (`slug`);--> statement-breakpoint
CREATE TABLE `agency_report_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`from_state` text,
	`to_state` text NOT NULL,
	`actor_id` integer,
	`comment` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `agency_reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agency_report_events_report` ON `agency_report_events` (`report_id`,`at`);--> statement-breakpoint
CREATE TABLE `agency_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`agency_id` integer NOT NULL,
	`statement` text DEFAULT '' NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`reviewer_comment` text,
	`submitted_at` integer,
	`submitted_by_id` integer,
	`reviewed_at` integer,
	`reviewed_by_id` integer,
	`is_demo` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "agency_reports_state" CHECK("agency_reports"."state" IN ('draft','submitted','returned','approved'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agency_reports_meeting_agency` ON `agency_reports` (`meeting_id`,`agency_id`);--> statement-breakpoint
CREATE INDEX `agency_reports_agency` ON `agency_reports` (`agency_id`);--> statement-breakpoint
CREATE TABLE `agenda_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`presenter` text,
	`agency_id` integer,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agenda_items_meeting_position` ON `agenda_items` (`meeting_id`,`position`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_id` integer,
	`actor_email` text,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`agency_id` integer,
	`before` text,
	`after` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_events_at` ON `audit_events` (`at`);--> statement-breakpoint
CREATE INDEX `audit_events_actor_at` ON `audit_events` (`actor_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_events_entity` ON `audit_events` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_events_agency_at` ON `audit_events` (`agency_id`,`at`);--> statement-breakpoint
CREATE TABLE `awards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`award_year` integer NOT NULL,
	`recipient` text NOT NULL,
	`kind` text NOT NULL,
	`reason` text,
	`presented_at_meeting_id` integer,
	`source_id` integer,
	FOREIGN KEY (`presented_at_meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "awards_kind" CHECK("awards"."kind" IN ('person','organization'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `awards_year_recipient` ON `awards` (`award_year`,`recipient`);--> statement-breakpoint
CREATE INDEX `awards_meeting` ON `awards` (`presented_at_meeting_id`);--> statement-breakpoint
CREATE TABLE `deliverable_supporters` (
	`deliverable_id` integer NOT NULL,
	`agency_id` integer NOT NULL,
	PRIMARY KEY(`deliverable_id`, `agency_id`),
	FOREIGN KEY (`deliverable_id`) REFERENCES `deliverables`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `deliverable_supporters_agency` ON `deliverable_supporters` (`agency_id`);--> statement-breakpoint
CREATE TABLE `deliverables` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text,
	`lead_agency_id` integer NOT NULL,
	`pillar_id` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`announced_at_meeting_id` integer,
	`due_on` text,
	`status` text DEFAULT 'not_started' NOT NULL,
	`progress` integer DEFAULT 0 NOT NULL,
	`status_reason` text,
	`funding_usd` integer,
	`nap_action_id` integer,
	`measure_label` text,
	`measure_unit` text,
	`measure_target` real,
	`measure_actual` real,
	`source_id` integer,
	`last_update_at` integer,
	`created_by_id` integer,
	`is_demo` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`lead_agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pillar_id`) REFERENCES `pillars`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`announced_at_meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`nap_action_id`) REFERENCES `nap_actions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "deliverables_status" CHECK("deliverables"."status" IN ('not_started','in_progress','at_risk','blocked','completed')),
	CONSTRAINT "deliverables_progress" CHECK("deliverables"."progress" BETWEEN 0 AND 100),
	CONSTRAINT "deliverables_funding" CHECK("deliverables"."funding_usd" IS NULL OR "deliverables"."funding_usd" >= 0),
	CONSTRAINT "deliverables_measure_target" CHECK("deliverables"."measure_target" IS NULL OR "deliverables"."measure_target" > 0),
	CONSTRAINT "deliverables_measure_actual" CHECK("deliverables"."measure_actual" IS NULL OR "deliverables"."measure_actual" >= 0),
	CONSTRAINT "deliverables_title" CHECK(length(trim("deliverables"."title")) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deliverables_key_unique` ON `deliverables` (`key`);--> statement-breakpoint
CREATE INDEX `deliverables_lead_status` ON `deliverables` (`lead_agency_id`,`status`);--> statement-breakpoint
CREATE INDEX `deliverables_pillar_status` ON `deliverables` (`pillar_id`,`status`);--> statement-breakpoint
CREATE INDEX `deliverables_announced` ON `deliverables` (`announced_at_meeting_id`);--> statement-breakpoint
CREATE INDEX `deliverables_status_due` ON `deliverables` (`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `deliverables_last_update` ON `deliverables` (`last_update_at`);--> statement-breakpoint
CREATE TABLE `indicators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`unit` text NOT NULL,
	`scope` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "indicators_unit" CHECK("indicators"."unit" IN ('people','cases','usd','percent','agencies','actions')),
	CONSTRAINT "indicators_scope" CHECK("indicators"."scope" IN ('us','global'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicators_key_unique` ON `indicators` (`key`);--> statement-breakpoint
CREATE TABLE `login_throttle` (
	`email` text PRIMARY KEY NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`window_started_at` integer NOT NULL,
	`locked_until` integer
);
--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`date` text NOT NULL,
	`date_precision` text DEFAULT 'day' NOT NULL,
	`chair` text,
	`location` text,
	`status` text DEFAULT 'planned' NOT NULL,
	`reporting_cutoff` text,
	`summary` text,
	`working_group_id` integer,
	`source_id` integer,
	`is_demo` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`working_group_id`) REFERENCES `working_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "meetings_kind" CHECK("meetings"."kind" IN ('cabinet','spog','working_group')),
	CONSTRAINT "meetings_status" CHECK("meetings"."status" IN ('planned','held')),
	CONSTRAINT "meetings_date_precision" CHECK("meetings"."date_precision" IN ('day','month')),
	CONSTRAINT "meetings_cutoff_before_date" CHECK("meetings"."reporting_cutoff" IS NULL OR "meetings"."reporting_cutoff" <= "meetings"."date")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_key_unique` ON `meetings` (`key`);--> statement-breakpoint
CREATE INDEX `meetings_status_date` ON `meetings` (`status`,`date`);--> statement-breakpoint
CREATE INDEX `meetings_kind_date` ON `meetings` (`kind`,`date`);--> statement-breakpoint
CREATE TABLE `nap_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`pillar_id` integer NOT NULL,
	`title` text NOT NULL,
	`source_id` integer,
	FOREIGN KEY (`pillar_id`) REFERENCES `pillars`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `nap_actions_code_unique` ON `nap_actions` (`code`);--> statement-breakpoint
CREATE TABLE `observations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text,
	`indicator_id` integer NOT NULL,
	`period` text NOT NULL,
	`value` real NOT NULL,
	`age_group` text,
	`trafficking_type` text,
	`category` text,
	`note` text,
	`source_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "observations_value" CHECK("observations"."value" >= 0),
	CONSTRAINT "observations_age_group" CHECK("observations"."age_group" IS NULL OR "observations"."age_group" IN ('adult','child')),
	CONSTRAINT "observations_trafficking_type" CHECK("observations"."trafficking_type" IS NULL OR "observations"."trafficking_type" IN ('labor','sex','both','unknown'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `observations_key_unique` ON `observations` (`key`);--> statement-breakpoint
CREATE INDEX `observations_indicator_period` ON `observations` (`indicator_id`,`period`);--> statement-breakpoint
CREATE TABLE `pillars` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`position` integer NOT NULL,
	`description` text NOT NULL,
	CONSTRAINT "pillars_slug" CHECK("pillars"."slug" IN ('prevention','protection','prosecution','partnership'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pillars_slug_unique` ON `pillars` (`slug`);--> statement-breakpoint
CREATE TABLE `progress_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`deliverable_id` integer NOT NULL,
	`author_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`status` text NOT NULL,
	`progress` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`reason` text,
	`is_demo` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`deliverable_id`) REFERENCES `deliverables`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "progress_updates_status" CHECK("progress_updates"."status" IN ('not_started','in_progress','at_risk','blocked','completed')),
	CONSTRAINT "progress_updates_progress" CHECK("progress_updates"."progress" BETWEEN 0 AND 100),
	CONSTRAINT "progress_updates_reason" CHECK("progress_updates"."status" NOT IN ('at_risk','blocked') OR length(trim(coalesce("progress_updates"."reason", ''))) > 0)
);
--> statement-breakpoint
CREATE INDEX `progress_updates_deliverable_time` ON `progress_updates` (`deliverable_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `progress_updates_time` ON `progress_updates` (`created_at`);--> statement-breakpoint
CREATE TABLE `reminders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`agency_id` integer NOT NULL,
	`sent_by_id` integer,
	`message` text NOT NULL,
	`sent_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sent_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reminders_agency_meeting` ON `reminders` (`agency_id`,`meeting_id`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`title` text NOT NULL,
	`publisher` text NOT NULL,
	`published_on` text,
	`url` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sources_key_unique` ON `sources` (`key`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`agency_id` integer,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`last_sign_in_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_role" CHECK("users"."role" IN ('official','chair','viewer','admin')),
	CONSTRAINT "users_agency_scope" CHECK(("users"."role" = 'official' AND "users"."agency_id" IS NOT NULL) OR ("users"."role" <> 'official' AND "users"."agency_id" IS NULL)),
	CONSTRAINT "users_email_lowercase" CHECK("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_agency` ON `users` (`agency_id`);--> statement-breakpoint
CREATE TABLE `working_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`established_year` integer,
	`purpose` text NOT NULL,
	`pillar_id` integer,
	`source_id` integer,
	FOREIGN KEY (`pillar_id`) REFERENCES `pillars`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "working_groups_kind" CHECK("working_groups"."kind" IN ('standing_committee','ad_hoc'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `working_groups_key_unique` ON `working_groups` (`key`);