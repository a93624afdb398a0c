package fpimport.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Defaults of the settings options: the environment variable {@code FPIMPORT_<NAME>}
 * first, then the key {@code <name>} of {@code fpimport.yml} in the working directory,
 * then the option's own default. A flag on the command line beats them all.
 */
final class SettingsDefaults implements IDefaultValueProvider {

	static final String FILE_NAME = "fpimport.yml";

	/** The largest settings file read: a real one is a few lines. */
	static final long MAX_BYTES = 64 * 1024;

	private final Map<String, String> environment;

	private final Path settingsFile;

	private JsonNode settings;

	SettingsDefaults(Map<String, String> environment, Path workingDirectory) {
		this.environment = environment;
		this.settingsFile = workingDirectory.resolve(FILE_NAME);
	}

	@Override
	public String defaultValue(ArgSpec argSpec) {
		if (!(argSpec instanceof OptionSpec option) || !option.longestName().startsWith("--")) {
			return null;
		}
		String name = option.longestName().substring(2);
		if (!SETTINGS.contains(name)) {
			return null;
		}
		String fromEnvironment = this.environment.get(environmentName(name));
		if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
			return fromEnvironment;
		}
		JsonNode value = settings().get(name);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	static String environmentName(String option) {
		return "FPIMPORT_" + option.replace('-', '_').toUpperCase(Locale.ROOT);
	}

	private static final java.util.Set<String> SETTINGS = java.util.Set.of("base-url", "plugin-id", "plugin-secret",
			"user-key", "project", "db", "search-lag");

	private JsonNode settings() {
		if (this.settings == null) {
			this.settings = readSettings();
		}
		return this.settings;
	}

	private JsonNode readSettings() {
		YAMLMapper yaml = YAMLMapper.builder().build();
		if (!Files.isRegularFile(this.settingsFile)) {
			return yaml.createObjectNode();
		}
		try {
			if (Files.size(this.settingsFile) > MAX_BYTES) {
				throw new FpImportException(Reason.INVALID_INPUT,
						this.settingsFile + ": too large for a settings file (at most " + MAX_BYTES + " bytes)",
						"write one 'name: value' per line, or remove the file");
			}
			JsonNode node = yaml.readTree(Files.readString(this.settingsFile));
			if (node == null || node.isMissingNode() || node.isNull()) {
				return yaml.createObjectNode();
			}
			if (!node.isObject()) {
				throw new FpImportException(Reason.INVALID_INPUT, this.settingsFile + ": not a map of settings",
						"write one 'name: value' per line, e.g. 'base-url: https://project.feishu.cn'");
			}
			return node;
		}
		catch (IOException | tools.jackson.core.JacksonException ex) {
			throw new FpImportException(Reason.INVALID_INPUT,
					this.settingsFile + ": cannot read settings: " + firstLine(ex.getMessage()),
					"fix the YAML or remove the file", ex);
		}
	}

	private static String firstLine(String text) {
		if (text == null) {
			return "";
		}
		int newline = text.indexOf('\n');
		return (newline < 0) ? text : text.substring(0, newline);
	}

}
