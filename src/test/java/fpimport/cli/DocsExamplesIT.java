package fpimport.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import fpimport.TestEmulator;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command examples of the docs run as written (docs as tests): every
 * {@code $ fpimport
 * ...} line of a fenced block runs in-process, in order, against the demo space in a
 * workspace holding the samples and mappings; it must parse, end with the exit code a
 * following {@code $ echo $?} shows, and print the key lines the example shows
 * ({@code error:}, {@code hint:}, {@code note:}, {@code report:}, {@code failed rows:},
 * the run line and the counts), compared with digits, times and the workspace's path left
 * out. A {@code $ cat FILE} of a file no step wrote writes it with the lines shown, as
 * the example's input. A block that cannot run here (a killed process, a space that
 * refuses, a server that runs until stopped) is preceded by
 * {@code <!-- docs-test: skip REASON -->}: its command lines are parsed, not run.
 */
class DocsExamplesIT {

	@RegisterExtension
	final CliWorkspace cli = CliWorkspace.with(TestEmulator.demo().withQps(0));

	static final String SKIP = "<!-- docs-test: skip";

	private static final Pattern KEY_LINE = Pattern.compile(
			"^\\s*(error:|hint:|note:|report:|failed rows:|created \\d|valid \\d|run \\d+ (finished|stopped|refused|abandoned)).*");

	/**
	 * One {@code $ fpimport} (or {@code $ cat}) line of a doc, with what the doc shows it
	 * prints; an example of a block marked to skip is only parsed.
	 */
	record Example(int line, String command, List<String> shown, Integer exitCode, boolean run) {
	}

	@ParameterizedTest
	@ValueSource(strings = { "docs/cli.md", "docs/operations.md" })
	void examplesRunAsWritten(String doc) throws IOException {
		copy(Path.of("samples"), this.cli.path("samples"));
		copy(Path.of("mappings"), this.cli.path("mappings"));
		this.cli.write("fpimport.yml", "db: " + this.cli.database() + "\n");
		// the mapping with a typo that cli.md shows refused
		this.cli.write("mappings/typo.yaml", Files.readString(Path.of("mappings/stories.yaml"), StandardCharsets.UTF_8)
			.replace("\n  priority:", "\n  Prioirty:"));
		List<Example> examples = examples(Files.readString(Path.of(doc), StandardCharsets.UTF_8));
		SoftAssertions soft = new SoftAssertions();
		for (Example example : examples) {
			String where = doc + ":" + example.line() + ": $ " + example.command();
			if (example.command().startsWith("cat ")) {
				// a file the doc shows and no step writes: the example's own input
				Path file = this.cli.path(example.command().substring(4).strip());
				if (!Files.exists(file)) {
					this.cli.write(file.toString(), String.join("\n", example.shown()) + "\n");
				}
				continue;
			}
			String[] args = arguments(example.command());
			if (!example.run()) {
				// not run here; its options must still be those of the command
				soft.assertThatCode(() -> FpImport
					.commandLine(Map.of(), this.cli.directory(), new PrintWriter(new StringWriter()),
							new PrintWriter(new StringWriter()))
					.parseArgs(args)).as(where).doesNotThrowAnyException();
				continue;
			}
			CliRun run = this.cli.runByEnvironment(args);
			where = where + "\n" + run;
			if (example.exitCode() != null) {
				soft.assertThat(run.exitCode()).as(where).isEqualTo(example.exitCode());
			}
			else {
				soft.assertThat(run.exitCode()).as(where).isNotEqualTo(ExitCode.USAGE.code());
			}
			List<String> printed = (run.out() + run.err()).lines().map(this::normal).toList();
			for (String shown : example.shown()) {
				if (KEY_LINE.matcher(shown).matches() && !shown.contains("...") && !shown.contains("…")) {
					soft.assertThat(printed).as(where).contains(normal(shown));
				}
			}
		}
		soft.assertThat(examples).as("examples in " + doc).isNotEmpty();
		soft.assertAll();
	}

	/** The examples of a markdown text, in order, leaving out blocks marked to skip. */
	static List<Example> examples(String markdown) {
		List<Example> examples = new ArrayList<>();
		String[] lines = markdown.split("\n", -1);
		boolean inBlock = false;
		boolean skip = false;
		boolean skipNext = false;
		Example open = null;
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			if (line.startsWith("```")) {
				if (open != null) {
					examples.add(open);
					open = null;
				}
				inBlock = !inBlock;
				skip = inBlock && skipNext;
				skipNext = false;
				continue;
			}
			if (!inBlock) {
				if (line.strip().startsWith(SKIP)) {
					skipNext = true;
				}
				else if (!line.isBlank()) {
					skipNext = false;
				}
				continue;
			}
			if (line.startsWith("$ ")) {
				String command = line.substring(2).strip();
				if (command.equals("echo $?") && i + 1 < lines.length && open != null) {
					examples.add(new Example(open.line(), open.command(), open.shown(),
							Integer.valueOf(lines[++i].strip()), open.run()));
					open = null;
					continue;
				}
				if (open != null) {
					examples.add(open);
				}
				boolean ours = command.startsWith("fpimport ") || command.startsWith("cat ");
				open = ours ? new Example(i + 1, command, new ArrayList<>(), null, !skip) : null;
			}
			else if (open != null) {
				open.shown().add(line);
			}
		}
		return examples;
	}

	/**
	 * The arguments of a command line after {@code fpimport}, split as a shell would
	 * (quotes kept together), with relative paths made paths of the workspace.
	 */
	private String[] arguments(String command) {
		List<String> args = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		char quote = 0;
		boolean any = false;
		for (char c : command.substring("fpimport ".length()).toCharArray()) {
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
				else {
					word.append(c);
				}
			}
			else if (c == '\'' || c == '"') {
				quote = c;
				any = true;
			}
			else if (Character.isWhitespace(c)) {
				if (any || !word.isEmpty()) {
					args.add(word.toString());
				}
				word.setLength(0);
				any = false;
			}
			else {
				word.append(c);
			}
		}
		if (any || !word.isEmpty()) {
			args.add(word.toString());
		}
		return args.stream().map(this::inWorkspace).toArray(String[]::new);
	}

	private String inWorkspace(String arg) {
		boolean path = !arg.startsWith("-") && !arg.contains("://")
				&& (arg.contains("/") || arg.matches(".*\\.(xlsx|xls|csv|tsv|yaml|yml|json)$"));
		return path ? this.cli.path(arg).toString() : arg;
	}

	/** A line with the workspace's path, digits and spacing left out. */
	private String normal(String line) {
		return line.replace(this.cli.directory().toString() + "/", "")
			.replaceAll("/work/fpimport/", "")
			.replaceAll("\\d+(\\.\\d+)?", "#")
			.replaceAll("\\s+", " ")
			.strip();
	}

	private static void copy(Path from, Path to) {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
