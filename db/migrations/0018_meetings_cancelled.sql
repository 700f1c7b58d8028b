PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_meetings` (
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
	`cancelled_reason` text,
	`postponed_from` text,
	`working_group_id` integer,
	`source_id` integer,
	`is_demo` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`working_group_id`) REFERENCES `working_groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "meetings_kind" CHECK("__new_meetings"."kind" IN ('cabinet','spog','working_group')),
	CONSTRAINT "meetings_status" CHECK(status IN ('planned','held','cancelled')),
	CONSTRAINT "meetings_cancelled_reason" CHECK("__new_meetings"."status" <> 'cancelled' OR length(trim(coalesce("__new_meetings"."cancelled_reason", ''))) > 0),
	CONSTRAINT "meetings_date_precision" CHECK("__new_meetings"."date_precision" IN ('day','month')),
	CONSTRAINT "meetings_cutoff_before_date" CHECK("__new_meetings"."reporting_cutoff" IS NULL OR "__new_meetings"."reporting_cutoff" <= "__new_meetings"."date")
);
--> statement-breakpoint
INSERT INTO `__new_meetings`("id", "key", "kind", "title", "date", "date_precision", "chair", "location", "status", "reporting_cutoff", "summary", "working_group_id", "source_id", "is_demo", "version", "created_at", "updated_at") SELECT "id", "key", "kind", "title", "date", "date_precision", "chair", "location", "status", "reporting_cutoff", "summary", "working_group_id", "source_id", "is_demo", "version", "created_at", "updated_at" FROM `meetings`;--> statement-breakpoint
DROP TABLE `meetings`;--> statement-breakpoint
ALTER TABLE `__new_meetings` RENAME TO `meetings`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_key_unique` ON `meetings` (`key`);--> statement-breakpoint
CREATE INDEX `meetings_status_date` ON `meetings` (`status`,`date`);--> statement-breakpoint
CREATE INDEX `meetings_kind_date` ON `meetings` (`kind`,`date`);