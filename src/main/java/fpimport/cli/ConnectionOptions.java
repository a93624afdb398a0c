package fpimport.cli;

import fpimport.api.Secret;
import picocli.CommandLine.Option;

/**
 * The connection settings every command that talks to a space shares. Each is a flag, an
 * {@code FPIMPORT_*} environment variable, or a key of {@code fpimport.yml} in the
 * working directory, in that order ({@link SettingsDefaults}).
 */
final class ConnectionOptions {

	static final String DEFAULT_BASE_URL = "https://project.feishu.cn";

	@Option(names = "--base-url", paramLabel = "URL", defaultValue = DEFAULT_BASE_URL,
			description = "Open API base URL (env FPIMPORT_BASE_URL; default ${DEFAULT-VALUE})")
	String baseUrl;

	@Option(names = "--plugin-id", paramLabel = "ID", description = "plugin id (env FPIMPORT_PLUGIN_ID)")
	String pluginId;

	@Option(names = "--plugin-secret", paramLabel = "SECRET", converter = SecretConverter.class,
			description = "plugin secret (env FPIMPORT_PLUGIN_SECRET); never printed or stored")
	Secret pluginSecret;

	@Option(names = "--user-key", paramLabel = "KEY",
			description = "user_key of the acting user, the creator of the items (env FPIMPORT_USER_KEY)")
	String userKey;

	@Option(names = "--project", paramLabel = "KEY",
			description = "project_key or simple_name; overrides the mapping's project (env FPIMPORT_PROJECT)")
	String project;

	/**
	 * The address items are linked under in reports: the base URL without a trailing
	 * slash.
	 */
	String linkBase() {
		return this.baseUrl.endsWith("/") ? this.baseUrl.substring(0, this.baseUrl.length() - 1) : this.baseUrl;
	}

	/**
	 * Turns the option's text into a {@link Secret} at once, so no String copy travels
	 * further.
	 */
	static final class SecretConverter implements picocli.CommandLine.ITypeConverter<Secret> {

		@Override
		public Secret convert(String value) {
			return Secret.of(value);
		}

	}

}
