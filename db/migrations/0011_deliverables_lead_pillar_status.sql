DROP INDEX `deliverables_lead_pillar`;--> statement-breakpoint
CREATE INDEX `deliverables_lead_pillar` ON `deliverables` (`lead_agency_id`,`pillar_id`,`id`,`status`);