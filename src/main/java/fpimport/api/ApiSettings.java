package fpimport.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;

/**
 * How to reach and call the Open API: where, as which plugin and user, how fast, how
 * patiently. Its {@code toString} never shows the plugin secret.
 *
 * @param baseUrl the service root, such as {@code https://project.feishu.cn};
 * {@code http://} only for loopback hosts
 * @param pluginId the plugin id
 * @param pluginSecret the plugin secret
 * @param userKey the acting user's user_key, sent as {@code X-USER-KEY}
 * @param tokenType plugin or virtual token
 * @param qps the most requests per second per token and API
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for one answer
 * @param retry how transient faults are retried
 */
public record ApiSettings(URI baseUrl, String pluginId, Secret pluginSecret, String userKey, TokenType tokenType,
		int qps, Duration connectTimeout, Duration requestTimeout, RetryPolicy retry) {

	/** The service's limit: 15 requests per second per token per API. */
	public static final int DEFAULT_QPS = 15;

	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

	public ApiSettings {
		baseUrl = checkedBaseUrl(Objects.requireNonNull(baseUrl, "baseUrl"));
		requireText(pluginId, "plugin id", "--plugin-id or FPIMPORT_PLUGIN_ID");
		Objects.requireNonNull(pluginSecret, "pluginSecret");
		if (pluginSecret.isEmpty()) {
			throw new FpImportException(Reason.INVALID_INPUT, "the plugin secret is empty",
					"set --plugin-secret or FPIMPORT_PLUGIN_SECRET");
		}
		requireText(userKey, "user key", "--user-key or FPIMPORT_USER_KEY");
		Objects.requireNonNull(tokenType, "tokenType");
		if (qps < 1) {
			throw new FpImportException(Reason.INVALID_INPUT, "requests per second must be 1 or more: " + qps, null);
		}
		requirePositive(connectTimeout, "connectTimeout");
		requirePositive(requestTimeout, "requestTimeout");
		Objects.requireNonNull(retry, "retry");
	}

	/**
	 * Settings with the defaults: plugin token, {@value #DEFAULT_QPS} requests per
	 * second, default timeouts and retry policy.
	 * @throws FpImportException (INVALID_INPUT) when the base URL is not acceptable
	 */
	public static ApiSettings of(String baseUrl, String pluginId, Secret pluginSecret, String userKey) {
		return new ApiSettings(parse(baseUrl), pluginId, pluginSecret, userKey, TokenType.PLUGIN, DEFAULT_QPS,
				DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, RetryPolicy.DEFAULT);
	}

	public ApiSettings withTokenType(TokenType type) {
		return new ApiSettings(this.baseUrl, this.pluginId, this.pluginSecret, this.userKey, type, this.qps,
				this.connectTimeout, this.requestTimeout, this.retry);
	}

	public ApiSettings withQps(int perSecond) {
		return new ApiSettings(this.baseUrl, this.pluginId, this.pluginSecret, this.userKey, this.tokenType, perSecond,
				this.connectTimeout, this.requestTimeout, this.retry);
	}

	public ApiSettings withTimeouts(Duration connect, Duration request) {
		return new ApiSettings(this.baseUrl, this.pluginId, this.pluginSecret, this.userKey, this.tokenType, this.qps,
				connect, request, this.retry);
	}

	public ApiSettings withRetry(RetryPolicy policy) {
		return new ApiSettings(this.baseUrl, this.pluginId, this.pluginSecret, this.userKey, this.tokenType, this.qps,
				this.connectTimeout, this.requestTimeout, policy);
	}

	private static URI parse(String baseUrl) {
		if (baseUrl == null || baseUrl.isBlank()) {
			throw new FpImportException(Reason.INVALID_INPUT, "the base URL is empty",
					"set --base-url, e.g. https://project.feishu.cn");
		}
		try {
			return new URI(baseUrl.strip());
		}
		catch (URISyntaxException ex) {
			throw new FpImportException(Reason.INVALID_INPUT, "base URL '" + baseUrl + "' is not a URL",
					"use e.g. https://project.feishu.cn");
		}
	}

	private static URI checkedBaseUrl(URI url) {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		String host = url.getHost();
		if (!url.isAbsolute() || host == null || !(scheme.equals("https") || scheme.equals("http"))) {
			throw new FpImportException(Reason.INVALID_INPUT,
					"base URL '" + url + "' must be an https:// URL with a host", "use e.g. https://project.feishu.cn");
		}
		if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null) {
			// user info would travel in logs and messages; credentials belong in the
			// plugin settings
			throw new FpImportException(Reason.INVALID_INPUT,
					"base URL must not carry user info, a query or a fragment: " + url.getScheme() + "://" + host,
					"give only scheme, host, port and path, e.g. https://project.feishu.cn");
		}
		if (scheme.equals("http") && !isLoopback(host)) {
			throw new FpImportException(Reason.INVALID_INPUT,
					"base URL '" + url
							+ "' must use https:// (http:// is accepted only for 127.0.0.1, localhost or [::1])",
					"the plugin secret and token must not cross a network in clear text");
		}
		String text = url.toString();
		while (text.endsWith("/")) {
			text = text.substring(0, text.length() - 1);
		}
		return URI.create(text);
	}

	/** Whether a host is the loopback by its literal text; no name is resolved. */
	static boolean isLoopback(String host) {
		String lower = host.toLowerCase(Locale.ROOT);
		if (lower.equals("localhost") || lower.equals("[::1]") || lower.equals("::1")) {
			return true;
		}
		String[] parts = lower.split("\\.", -1);
		if (parts.length != 4 || !parts[0].equals("127")) {
			return false;
		}
		for (String part : parts) {
			if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
					|| Integer.parseInt(part) > 255) {
				return false;
			}
		}
		return true;
	}

	private static void requireText(String value, String what, String where) {
		if (value == null || value.isBlank()) {
			throw new FpImportException(Reason.INVALID_INPUT, "the " + what + " is not set", "set " + where);
		}
	}

	private static void requirePositive(Duration duration, String name) {
		Objects.requireNonNull(duration, name);
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive: " + duration);
		}
	}

	/** Which token {@code plugin_token} hands out ({@code type} 0 or 1). */
	public enum TokenType {

		/** A plugin token ({@code type} 0). */
		PLUGIN(0),
		/** A virtual token for development ({@code type} 1). */
		VIRTUAL(1);

		private final int code;

		TokenType(int code) {
			this.code = code;
		}

		public int code() {
			return this.code;
		}

	}

	/**
	 * How transient faults are retried: exponential backoff with full jitter, bounded by
	 * attempts and by total time.
	 *
	 * @param maxAttempts the most HTTP attempts of one call, the first included; renewing
	 * a refused token adds one
	 * @param maxTotalTime the longest one call may take, its pauses included
	 * @param baseBackoff the pause cap before the second attempt; it doubles for each
	 * further attempt
	 * @param maxBackoff the largest pause cap
	 */
	public record RetryPolicy(int maxAttempts, Duration maxTotalTime, Duration baseBackoff, Duration maxBackoff) {

		public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofMinutes(2), Duration.ofMillis(500),
				Duration.ofSeconds(15));

		public RetryPolicy {
			if (maxAttempts < 1) {
				throw new IllegalArgumentException("maxAttempts must be 1 or more: " + maxAttempts);
			}
			requirePositive(maxTotalTime, "maxTotalTime");
			requirePositive(baseBackoff, "baseBackoff");
			requirePositive(maxBackoff, "maxBackoff");
		}

		/** The pause cap before attempt {@code attempt + 1}. */
		Duration cap(int attempt) {
			Duration cap = this.baseBackoff;
			for (int i = 1; i < attempt && cap.compareTo(this.maxBackoff) < 0; i++) {
				cap = cap.multipliedBy(2);
			}
			return (cap.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : cap;
		}

	}

}
