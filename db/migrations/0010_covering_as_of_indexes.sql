DROP INDEX `deliverables_pillar_status`;--> statement-breakpoint
CREATE INDEX `deliverables_pillar_status` ON `deliverables` (`pillar_id`,`status`,`created_at`);--> statement-breakpoint
DROP INDEX `progress_updates_deliverable_time`;--> statement-breakpoint
CREATE INDEX `progress_updates_deliverable_time` ON `progress_updates` (`deliverable_id`,`created_at`,`id`,`status`);