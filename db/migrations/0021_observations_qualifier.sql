PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_observations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text,
	`indicator_id` integer NOT NULL,
	`period` text NOT NULL,
	`value` real NOT NULL,
	`age_group` text,
	`trafficking_type` text,
	`category` text,
	`qualifier` text,
	`published_year` integer,
	`note` text,
	`source_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "observations_value" CHECK("__new_observations"."value" >= 0),
	CONSTRAINT "observations_qualifier" CHECK("__new_observations"."qualifier" IS NULL OR "__new_observations"."qualifier" IN ('over','nearly','about')),
	CONSTRAINT "observations_age_group" CHECK("__new_observations"."age_group" IS NULL OR "__new_observations"."age_group" IN ('adult','child')),
	CONSTRAINT "observations_trafficking_type" CHECK("__new_observations"."trafficking_type" IS NULL OR "__new_observations"."trafficking_type" IN ('labor','sex','both','unknown'))
);
--> statement-breakpoint
INSERT INTO `__new_observations`("id", "key", "indicator_id", "period", "value", "age_group", "trafficking_type", "category", "note", "source_id", "created_at", "updated_at") SELECT "id", "key", "indicator_id", "period", "value", "age_group", "trafficking_type", "category", "note", "source_id", "created_at", "updated_at" FROM `observations`;--> statement-breakpoint
DROP TABLE `observations`;--> statement-breakpoint
ALTER TABLE `__new_observations` RENAME TO `observations`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `observations_key_unique` ON `observations` (`key`);--> statement-breakpoint
CREATE INDEX `observations_indicator_period` ON `observations` (`indicator_id`,`period`);