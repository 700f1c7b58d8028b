DROP INDEX `deliverables_lead_status`;--> statement-breakpoint
CREATE INDEX `deliverables_lead_status_recent` ON `deliverables` (`lead_agency_id`,`status`,`last_update_at`,`id`);