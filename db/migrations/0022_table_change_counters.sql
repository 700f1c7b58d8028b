CREATE TABLE `table_changes` (
	`name` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- Each table a remembered aggregate reads (db/queries/until-change.ts) has a row here, bumped by
-- its three triggers below on every insert, update and delete, whoever writes. A remembered figure
-- is reused while the versions of the tables it names are unchanged.
INSERT INTO `table_changes` (`name`, `version`) VALUES ('agencies', 0), ('agency_reports', 0), ('deliverable_status_months', 0), ('deliverables', 0), ('meetings', 0), ('pillars', 0), ('progress_updates', 0);
--> statement-breakpoint
CREATE TRIGGER table_changes_agencies_insert AFTER INSERT ON `agencies` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'agencies'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_agencies_update AFTER UPDATE ON `agencies` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'agencies'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_agencies_delete AFTER DELETE ON `agencies` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'agencies'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_agency_reports_insert AFTER INSERT ON `agency_reports` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'agency_reports'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_agency_reports_update AFTER UPDATE ON `agency_reports` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'agency_reports'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_agency_reports_delete AFTER DELETE ON `agency_reports` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'agency_reports'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_deliverable_status_months_insert AFTER INSERT ON `deliverable_status_months` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'deliverable_status_months'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_deliverable_status_months_update AFTER UPDATE ON `deliverable_status_months` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'deliverable_status_months'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_deliverable_status_months_delete AFTER DELETE ON `deliverable_status_months` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'deliverable_status_months'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_deliverables_insert AFTER INSERT ON `deliverables` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'deliverables'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_deliverables_update AFTER UPDATE ON `deliverables` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'deliverables'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_deliverables_delete AFTER DELETE ON `deliverables` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'deliverables'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_meetings_insert AFTER INSERT ON `meetings` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'meetings'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_meetings_update AFTER UPDATE ON `meetings` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'meetings'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_meetings_delete AFTER DELETE ON `meetings` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'meetings'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_pillars_insert AFTER INSERT ON `pillars` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'pillars'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_pillars_update AFTER UPDATE ON `pillars` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'pillars'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_pillars_delete AFTER DELETE ON `pillars` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'pillars'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_progress_updates_insert AFTER INSERT ON `progress_updates` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'progress_updates'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_progress_updates_update AFTER UPDATE ON `progress_updates` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'progress_updates'; END;
--> statement-breakpoint
CREATE TRIGGER table_changes_progress_updates_delete AFTER DELETE ON `progress_updates` BEGIN UPDATE table_changes SET version = version + 1 WHERE name = 'progress_updates'; END;
