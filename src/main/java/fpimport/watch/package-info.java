/**
 * Scheduled bulk imports: a watched inbox whose new files are imported once each, on an
 * interval or a cron schedule, by one of several watchers sharing a job repository.
 */
package fpimport.watch;
