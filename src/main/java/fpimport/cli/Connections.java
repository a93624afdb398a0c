package fpimport.cli;

import fpimport.api.ApiSettings;
import fpimport.api.OpenApiClient;
import fpimport.api.OpenApiSpace;
import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;

/**
 * Turns the connection options of a command into a client, refusing missing settings with
 * a message that says the three places each can come from.
 */
final class Connections {

	private Connections() {
	}

	/**
	 * The API settings of the options.
	 * @throws FpImportException ({@code INVALID_INPUT}) when the plugin id, the plugin
	 * secret or the user key is missing
	 */
	static ApiSettings apiSettings(ConnectionOptions connection) {
		require(connection.pluginId, "plugin id", "plugin-id");
		if (connection.pluginSecret == null || connection.pluginSecret.isEmpty()) {
			throw missing("plugin secret", "plugin-secret");
		}
		require(connection.userKey, "user key", "user-key");
		return ApiSettings.of(connection.baseUrl, connection.pluginId.strip(), connection.pluginSecret,
				connection.userKey.strip());
	}

	/**
	 * The project_key or simple_name of the options, for commands that have no mapping to
	 * take it from.
	 * @throws FpImportException ({@code INVALID_INPUT}) when it is missing
	 */
	static String project(ConnectionOptions connection) {
		require(connection.project, "project", "project");
		return connection.project.strip();
	}

	/** The space of the options: its metadata and people, through the Open API. */
	static OpenApiSpace space(ConnectionOptions connection) {
		String project = project(connection);
		return new OpenApiSpace(new OpenApiClient(apiSettings(connection)), project);
	}

	private static void require(String value, String what, String option) {
		if (value == null || value.isBlank()) {
			throw missing(what, option);
		}
	}

	private static FpImportException missing(String what, String option) {
		return new FpImportException(Reason.INVALID_INPUT, "missing " + what,
				"set --" + option + ", the environment variable " + SettingsDefaults.environmentName(option) + ", or '"
						+ option + ":' in " + SettingsDefaults.FILE_NAME);
	}

}
