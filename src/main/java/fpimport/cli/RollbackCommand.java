package fpimport.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import fpimport.job.Rollback;
import fpimport.job.RollbackPlan;
import fpimport.job.RollbackPlan.Fate;
import fpimport.job.RollbackPlan.Item;
import fpimport.job.RollbackResult;
import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fpimport rollback RUN}: delete the work items a run and its retries created, and
 * nothing else.
 */
@Command(name = "rollback", mixinStandardHelpOptions = true,
		description = { "Delete the work items that RUN and its retries created, and nothing else. An item changed "
				+ "after the import is kept and listed, unless --force; an item gone already counts as rolled back. "
				+ "Each row ends ROLLED_BACK or KEPT, and its ledger entry goes, so a later import creates it "
				+ "again. A rollback that stopped is finished by running it again." })
final class RollbackCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "RUN", description = "the run whose items to delete")
	long runId;

	@Option(names = "--dry-run", description = "list the items that would be deleted and kept; delete nothing")
	boolean dryRun;

	@Option(names = { "-y", "--yes" },
			description = "delete without asking (required without a terminal, where nobody can be asked)")
	boolean yes;

	@Option(names = "--force", description = "delete items changed after the import too")
	boolean force;

	@Mixin
	ConcurrencyOption concurrency;

	@Mixin
	RateOption rate;

	@Mixin
	ConnectionOptions connection;

	@Mixin
	DatabaseOption database;

	/** Where to ask before deleting; {@code null} without a terminal. */
	Consoles.Terminal terminal = Consoles.terminal();

	@Override
	public Integer call() {
		if (!this.dryRun && !this.yes && this.terminal == null) {
			throw new FpImportException(Reason.USAGE,
					"rollback deletes work items and there is no terminal to ask on: confirm with --yes",
					"'fpimport rollback " + this.runId + " --dry-run' lists what it would delete");
		}
		PrintWriter out = this.spec.commandLine().getOut();
		try (Rollback rollback = Rollback.open(this.database.url(),
				Connections.apiSettings(this.connection).withQps(this.rate.qps), this.concurrency.concurrency)) {
			RollbackPlan plan = rollback.plan(this.runId, this.force);
			printPlan(out, plan);
			if (plan.items().isEmpty()) {
				out.println("nothing to roll back: run " + this.runId
						+ " and its retries have no created item that is not rolled back already");
				return ExitCode.OK.code();
			}
			if (this.dryRun) {
				plan.items().forEach((item) -> out.println("  " + word(item.fate()) + " " + line(item)));
				out.println("dry run: nothing deleted");
				return ExitCode.OK.code();
			}
			if (!this.yes && !confirmed(this.terminal, out, plan)) {
				out.println("nothing deleted");
				return ExitCode.OK.code();
			}
			RollbackResult result = rollback.execute(plan);
			rollback.rewriteReports(plan, this.connection.linkBase());
			printResult(out, result);
			return result.kept().isEmpty() ? ExitCode.OK.code() : ExitCode.ROWS_FAILED.code();
		}
		finally {
			out.flush();
		}
	}

	private void printPlan(PrintWriter out, RollbackPlan plan) {
		String retries = (plan.runIds().size() > 1) ? " and its " + (plan.runIds().size() - 1) + " retries" : "";
		out.printf(
				"run %d%s: %d items to roll back: delete %d, keep %d (changed after the import%s), gone already %d%n",
				plan.runId(), retries, plan.items().size(), plan.items(Fate.DELETE).size(),
				plan.items(Fate.KEEP).size(), this.force ? "" : "; --force deletes them", plan.items(Fate.GONE).size());
	}

	private static boolean confirmed(Consoles.Terminal terminal, PrintWriter out, RollbackPlan plan) {
		out.flush();
		String answer = terminal
			.ask("delete " + plan.items(Fate.DELETE).size() + " work items of run " + plan.runId() + "? [y/N] ");
		return answer != null && List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT));
	}

	private static void printResult(PrintWriter out, RollbackResult result) {
		if (!result.kept().isEmpty()) {
			out.println("kept " + result.kept().size() + " items:");
			result.kept().forEach((item) -> out.println("  " + line(item)));
		}
		out.printf("run %d rolled back: %d deleted, %d gone already, %d kept%n", result.runId(), result.deleted(),
				result.gone(), result.kept().size());
		if (!result.kept().isEmpty()) {
			out.println("'fpimport rollback " + result.runId() + " --force --yes' deletes the kept items too");
		}
	}

	private static String line(Item item) {
		return item.describe() + ((item.reason() != null) ? ": " + item.reason() : "");
	}

	private static String word(Fate fate) {
		return switch (fate) {
			case DELETE -> "delete";
			case KEEP -> "keep  ";
			case GONE -> "gone  ";
		};
	}

}
