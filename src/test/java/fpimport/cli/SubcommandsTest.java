package fpimport.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command line builds only the subcommands it needs, and says the same as one with all
 * of them: the same help, the same version, the same commands listed.
 */
class SubcommandsTest {

	@Test
	void eachNameBuildsTheCommandOfThatName() {
		for (String name : FpImportCommand.SUBCOMMANDS) {
			assertThat(new CommandLine(FpImportCommand.subcommand(name)).getCommandName()).isEqualTo(name);
		}
	}

	@Test
	void aCommandLineBuildsTheSubcommandItNamesFirstNoneForTheVersionAndAllOtherwise() {
		assertThat(FpImport.subcommandsFor(new String[] { "runs", "--limit", "5" })).containsExactly("runs");
		assertThat(FpImport.subcommandsFor(new String[] { "validate", "--help" })).containsExactly("validate");
		assertThat(FpImport.subcommandsFor(new String[] { "--version" })).isEmpty();
		assertThat(FpImport.subcommandsFor(new String[] { "-V" })).isEmpty();
		assertThat(FpImport.subcommandsFor(new String[] { "help", "runs" })).isEqualTo(FpImportCommand.SUBCOMMANDS);
		assertThat(FpImport.subcommandsFor(new String[] { "--help" })).isEqualTo(FpImportCommand.SUBCOMMANDS);
		assertThat(FpImport.subcommandsFor(new String[] { "--verbose", "runs" }))
			.isEqualTo(FpImportCommand.SUBCOMMANDS);
		assertThat(FpImport.subcommandsFor(new String[] { "rnus" })).isEqualTo(FpImportCommand.SUBCOMMANDS);
		assertThat(FpImport.subcommandsFor(new String[0])).isEqualTo(FpImportCommand.SUBCOMMANDS);
	}

	@Test
	void theHelpListsEverySubcommandInOrder() {
		String help = run("--help");
		List<Integer> positions = new ArrayList<>();
		for (String name : FpImportCommand.SUBCOMMANDS) {
			int at = help.indexOf("\n  " + name + " ");
			assertThat(at).as(name).isPositive();
			positions.add(at);
		}
		assertThat(positions).isSorted();
	}

	@Test
	void aSubcommandBuiltAloneHasTheHelpOfOneAmongAll() {
		for (String name : List.of("runs", "validate", "watch", "resume")) {
			StringWriter all = new StringWriter();
			CommandLine full = FpImport.commandLine(Map.of(), Path.of(""), new PrintWriter(all, true),
					new PrintWriter(new StringWriter(), true));
			full.execute(name, "--help");
			assertThat(run(name, "--help")).as(name).isEqualTo(all.toString()).contains("Usage: fpimport " + name);
		}
	}

	@Test
	void theVersionAloneNeedsNoSubcommand() {
		assertThat(run("--version")).startsWith("fpimport ").contains("Java " + System.getProperty("java.version"));
		assertThat(run("-V")).isEqualTo(run("--version"));
	}

	private static String run(String... args) {
		StringWriter out = new StringWriter();
		int code = FpImport.run(args, Map.of(), Path.of(""), new PrintWriter(out, true),
				new PrintWriter(new StringWriter(), true));
		assertThat(code).isZero();
		return out.toString();
	}

}
