package fpimport.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import fpimport.job.OnExisting;
import fpimport.job.RunOutcome;
import fpimport.job.RunProgress;
import fpimport.job.WatchedImports;
import fpimport.report.RunSummary;
import fpimport.result.FileClaims;
import fpimport.result.FileClaims.HandledFile;
import fpimport.watch.FileResult.Outcome;
import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;

/**
 * Watches an inbox: at each look it takes the files that stopped changing, imports each
 * once (a claim in the job repository keeps other watchers off it), and moves it with its
 * report into {@code done/} or {@code failed/}. A file whose run stopped stays, and the
 * next look (or the next start) resumes its run first. {@link #stop()} lets the import in
 * hand finish its chunk, record it and return.
 */
public final class Watcher {

	private final WatchedImports imports;

	private final Inbox inbox;

	private final Schedule schedule;

	private final Options options;

	private final WatchLog log;

	private final Clock clock;

	private final String holder;

	private final Object sleeper = new Object();

	private final CountDownLatch ended = new CountDownLatch(1);

	private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "fpimport-claim-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean stopping;

	private volatile boolean claimLost;

	private final RunProgress progress = new RunProgress() {

		@Override
		public boolean stopRequested() {
			return Watcher.this.stopping || Watcher.this.claimLost;
		}

	};

	/**
	 * How a watcher imports.
	 *
	 * @param onExisting rows imported before: skip or update
	 * @param project the project that replaces the mapping's, or {@code null}
	 * @param settle the time between the two looks that tell a complete file
	 * @param claimTtl how long a claim outlives a holder that stopped renewing it
	 */
	public record Options(OnExisting onExisting, String project, Duration settle, Duration claimTtl) {

		public Options {
			Objects.requireNonNull(onExisting, "onExisting");
			Objects.requireNonNull(settle, "settle");
			Objects.requireNonNull(claimTtl, "claimTtl");
			if (claimTtl.toSeconds() < 1) {
				throw new IllegalArgumentException("claimTtl must be a second or more");
			}
		}

	}

	public Watcher(WatchedImports imports, Path directory, Schedule schedule, Options options, WatchLog log,
			Clock clock) {
		this.imports = imports;
		this.inbox = new Inbox(directory, clock);
		this.schedule = schedule;
		this.options = options;
		this.log = log;
		this.clock = clock;
		this.holder = holderId();
	}

	/** Who this watcher is in the claims: host, process and a random part. */
	public String holder() {
		return this.holder;
	}

	/** Looks once, imports what is complete, and returns what became of each file. */
	public List<FileResult> runOnce() {
		try {
			this.log.event("start", "looking once at " + this.inbox.directory() + " as " + this.holder);
			return look(false);
		}
		finally {
			end();
		}
	}

	/** Looks at the inbox on the schedule until {@link #stop()}. */
	public void run() {
		try {
			this.log.event("start", "watching " + this.inbox.directory() + " " + this.schedule + " as " + this.holder);
			Instant next = this.clock.instant();
			if (!this.schedule.looksAtStart()) {
				// the runs a stopped watcher left are finished now, not at the first cron
				// time
				look(true);
				next = this.schedule.next(this.clock.instant());
			}
			while (!this.stopping) {
				pause(Duration.between(this.clock.instant(), next));
				if (this.stopping) {
					break;
				}
				try {
					look(false);
				}
				catch (RuntimeException ex) {
					// the database or the directory may be back at the next look
					this.log.event("error", String.valueOf(ex.getMessage()));
				}
				next = this.schedule.next(this.clock.instant());
			}
		}
		finally {
			end();
		}
	}

	/**
	 * Asks the watcher to stop: a run in hand finishes its chunk and stays resumable; no
	 * new file is started.
	 */
	public void stop() {
		this.stopping = true;
		synchronized (this.sleeper) {
			this.sleeper.notifyAll();
		}
	}

	/** Waits until {@link #run()} or {@link #runOnce()} has returned. */
	public boolean awaitEnd(Duration timeout) throws InterruptedException {
		return this.ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void end() {
		this.heartbeat.shutdownNow();
		deleteIfEmpty(staging());
		deleteIfEmpty(staging().getParent());
		if (this.stopping) {
			this.log.event("stop", "stopped on request; unfinished runs are resumed at the next start");
		}
		this.ended.countDown();
	}

	private List<FileResult> look(boolean resumeOnly) {
		Map<Path, Inbox.Look> before = this.inbox.look();
		logNotes();
		List<FileResult> results = new ArrayList<>();
		if (before.isEmpty()) {
			return results;
		}
		pause(this.options.settle());
		if (this.stopping) {
			return results;
		}
		Map<Path, Inbox.Look> now = this.inbox.look();
		logNotes();
		List<Path> complete = new ArrayList<>(this.inbox.unchanged(before, now));
		Map<Path, String> stillWritten = new java.util.HashMap<>();
		for (Path file : List.copyOf(complete)) {
			String why = unfinished(file);
			if (why != null) {
				complete.remove(file);
				stillWritten.put(file, why);
			}
		}
		for (Path file : now.keySet()) {
			if (!complete.contains(file) && !resumeOnly) {
				results.add(logged(
						stillWritten.containsKey(file) ? incomplete(file, stillWritten.get(file)) : new FileResult(
								file.getFileName().toString(), Outcome.INCOMPLETE, null, null, null, null, null)));
			}
		}
		List<Candidate> resumable = new ArrayList<>();
		List<Candidate> fresh = new ArrayList<>();
		for (Path file : complete) {
			String sha;
			try {
				sha = this.imports.fileSha(file);
			}
			catch (FpImportException gone) {
				continue; // moved away by another watcher since the look
			}
			OptionalLong unfinished = this.imports.unfinishedRun(sha);
			(unfinished.isPresent() ? resumable : fresh).add(new Candidate(file, sha, now.get(file)));
		}
		List<Candidate> order = new ArrayList<>(resumable);
		if (!resumeOnly) {
			order.addAll(fresh);
		}
		for (Candidate candidate : order) {
			if (this.stopping) {
				break;
			}
			FileResult result = process(candidate);
			if (result != null) {
				results.add(logged(result));
			}
		}
		return results;
	}

	private FileResult logged(FileResult result) {
		this.log.file(result, this.inbox.directory().toString());
		return result;
	}

	private record Candidate(Path file, String sha, Inbox.Look look) {
	}

	private void logNotes() {
		this.inbox.takeNotes().forEach((note) -> this.log.event("skip", note));
	}

	/** Why a file is not complete by its content, or {@code null}. */
	private static String unfinished(Path file) {
		try {
			return Inbox.unfinished(file);
		}
		catch (IOException ex) {
			return "cannot be read: " + ex.getMessage();
		}
	}

	private static FileResult incomplete(Path file, String why) {
		return new FileResult(file.getFileName().toString(), Outcome.INCOMPLETE, null,
				new FpImportException(FpImportException.Reason.INVALID_INPUT, why,
						"write the file under another name (such as NAME.csv.part) and rename it when it is complete"),
				null, null, null);
	}

	/**
	 * Why a file about to be claimed is no longer the file that looked complete, or
	 * {@code null}: just before the claim, it must still be a plain file of the inbox of
	 * the same size, time and content, complete by its content.
	 */
	private String changedSinceLook(Candidate candidate) {
		Path file = candidate.file();
		try {
			Inbox.Look again = this.inbox.plainFile(file);
			logNotes();
			if (again == null) {
				return "it is no longer a plain file of the inbox";
			}
			if (!again.equals(candidate.look()) || !this.imports.fileSha(file).equals(candidate.sha())) {
				return "it changed since it was looked at: it may still be written";
			}
			return unfinished(file);
		}
		catch (IOException | FpImportException ex) {
			return "it is gone or unreadable: " + ex.getMessage();
		}
	}

	/**
	 * Imports one complete file under a claim; {@code null} when another watcher handled
	 * it meanwhile.
	 */
	private FileResult process(Candidate candidate) {
		Path file = candidate.file();
		String name = file.getFileName().toString();
		String key = candidate.sha() + "/" + this.imports.mappingSha();
		FileClaims claims = this.imports.claims();
		Duration ttl = this.options.claimTtl();
		String changed = changedSinceLook(candidate);
		if (changed != null) {
			return Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? incomplete(file, changed) : null;
		}
		if (!claims.claim(key, this.holder, ttl)) {
			return new FileResult(name, Outcome.BUSY, null, null, null, null, null);
		}
		long beat = Math.max(200, ttl.toMillis() / 3);
		ScheduledFuture<?> renewal = this.heartbeat.scheduleAtFixedRate(() -> renew(claims, key, ttl), beat, beat,
				TimeUnit.MILLISECONDS);
		try {
			if (!Files.exists(file)) {
				return null;
			}
			OptionalLong done = this.imports.completedRun(candidate.sha());
			if (done.isPresent()) {
				Path moved = this.inbox.move(file, Inbox.DONE, List.of());
				claims.handled(new HandledFile(candidate.sha(), this.imports.mappingSha(), name, null, "duplicate",
						moved.toString(), null, this.holder));
				return new FileResult(name, Outcome.ALREADY_IMPORTED, null, null, moved, done.getAsLong(), null);
			}
			OptionalLong unfinished = this.imports.unfinishedRun(candidate.sha());
			if (this.imports.reportDirectory() == null) {
				Files.createDirectories(staging());
			}
			RunOutcome outcome;
			try {
				outcome = unfinished.isPresent() ? this.imports.resume(unfinished.getAsLong(), staging(), this.progress)
						: this.imports.importFile(file, this.options.onExisting(), this.options.project(), staging(),
								this.progress);
			}
			catch (FpImportException ex) {
				// no run ended (the database, the space or the file could not be
				// reached):
				// the file stays for the next look
				return new FileResult(name, Outcome.LEFT, null, ex, null,
						unfinished.isPresent() ? unfinished.getAsLong() : null, null);
			}
			return settle(file, candidate.sha(), outcome);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot move " + file + ": " + ex.getMessage(), ex);
		}
		finally {
			renewal.cancel(false);
			this.claimLost = false;
			try {
				claims.release(key, this.holder);
			}
			catch (RuntimeException ex) {
				// it expires by itself
				this.log.event("error", "cannot release the claim on " + name + ": " + ex.getMessage());
			}
		}
	}

	private void renew(FileClaims claims, String key, Duration ttl) {
		try {
			if (!claims.renew(key, this.holder, ttl)) {
				this.claimLost = true;
				this.log.event("claim-lost", "another watcher took the file over; stopping its run after this chunk");
			}
		}
		catch (RuntimeException ex) {
			// the next beat tries again; the claim outlives a few missed beats
		}
	}

	/** Moves a file whose run ended where it belongs, or leaves it for a resume. */
	private FileResult settle(Path file, String sha, RunOutcome outcome) throws IOException {
		String name = file.getFileName().toString();
		RunSummary summary = outcome.summary();
		long runId = summary.run().runId();
		FpImportException stop = outcome.stop();
		List<Path> reports = stagedReports(name);
		if (stop != null && (this.progress.stopRequested() || stop.reason() != Reason.INVALID_INPUT)) {
			for (Path report : reports) {
				Files.deleteIfExists(report); // written again when the run is resumed
			}
			return new FileResult(name, Outcome.LEFT, summary, stop, null, runId, null);
		}
		Outcome result = (stop != null) ? Outcome.REJECTED
				: summary.counts().allSucceeded() ? Outcome.IMPORTED : Outcome.ROWS_FAILED;
		String into = (result == Outcome.IMPORTED) ? Inbox.DONE : Inbox.FAILED;
		Path moved = this.inbox.move(file, into, reports);
		String report = movedReport(summary.report(), name, moved);
		this.imports.claims()
			.handled(new HandledFile(sha, this.imports.mappingSha(), name, runId,
					result.name().toLowerCase(java.util.Locale.ROOT), moved.toString(), report, this.holder));
		if (stop != null) {
			Path note = moved.resolveSibling(moved.getFileName() + ".error.txt");
			Files.writeString(note, "run " + runId + ": " + stop.getMessage() + "\n"
					+ ((stop.hint() != null) ? "hint: " + stop.hint() + "\n" : ""), StandardCharsets.UTF_8);
		}
		return new FileResult(name, result, summary, stop, moved, runId, report);
	}

	/**
	 * Where the run's report is after the move, or where it was when it was not moved.
	 */
	private String movedReport(String report, String originalName, Path moved) {
		if (report == null || this.imports.reportDirectory() != null) {
			return report;
		}
		String base = originalName.substring(0, originalName.lastIndexOf('.'));
		String movedName = moved.getFileName().toString();
		String newBase = movedName.substring(0, movedName.lastIndexOf('.'));
		String reportName = Path.of(report).getFileName().toString();
		return moved.resolveSibling(newBase + reportName.substring(base.length())).toString();
	}

	/** The reports of a file in this watcher's staging directory. */
	private List<Path> stagedReports(String fileName) throws IOException {
		List<Path> reports = new ArrayList<>();
		Path staging = staging();
		if (this.imports.reportDirectory() != null || !Files.isDirectory(staging)) {
			return reports;
		}
		String prefix = fileName.substring(0, fileName.lastIndexOf('.')) + ".";
		try (DirectoryStream<Path> files = Files.newDirectoryStream(staging)) {
			for (Path report : files) {
				if (report.getFileName().toString().startsWith(prefix)) {
					reports.add(report);
				}
			}
		}
		return reports;
	}

	/**
	 * Where this watcher's runs write their reports before they move with their file: a
	 * hidden directory of the inbox, one per watcher, so no other watcher takes a report
	 * for a new file.
	 */
	private Path staging() {
		String safe = this.holder.replaceAll("[^A-Za-z0-9._-]", "_");
		return this.inbox.directory().resolve(".fpimport").resolve(safe);
	}

	private static void deleteIfEmpty(Path directory) {
		try {
			Files.deleteIfExists(directory);
		}
		catch (IOException ex) {
			// not empty, or not ours to remove
		}
	}

	private void pause(Duration duration) {
		long deadline = System.nanoTime() + Math.max(0, duration.toNanos());
		synchronized (this.sleeper) {
			while (!this.stopping) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return;
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(this.sleeper, left);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					stop();
				}
			}
		}
	}

	private static String holderId() {
		String host = System.getenv("HOSTNAME");
		if (host == null || host.isBlank()) {
			host = System.getenv("COMPUTERNAME");
		}
		if (host == null || host.isBlank()) {
			host = "host";
		}
		return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
	}

}
