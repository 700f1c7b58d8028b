DROP INDEX `audit_events_entity`;--> statement-breakpoint
CREATE INDEX `audit_events_entity_id_at` ON `audit_events` (`entity`,`entity_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_events_entity_at` ON `audit_events` (`entity`,`at`);