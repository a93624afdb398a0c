package fpimport.api;

import java.time.Duration;

import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Settings accept https anywhere, http only on loopback, and never show the secret. */
class ApiSettingsTest {

	private static final Secret SECRET = Secret.of("very-secret");

	@Test
	void httpsIsAcceptedAndTheTrailingSlashDropped() {
		ApiSettings settings = ApiSettings.of("https://project.feishu.cn/", "p", SECRET, "u");

		assertThat(settings.baseUrl()).hasToString("https://project.feishu.cn");
		assertThat(settings.qps()).isEqualTo(15);
		assertThat(settings.tokenType()).isEqualTo(ApiSettings.TokenType.PLUGIN);
	}

	@Test
	void httpIsAcceptedOnlyForLoopbackHosts() {
		for (String url : new String[] { "http://127.0.0.1:8080", "http://127.10.0.3", "http://localhost:9",
				"http://LOCALHOST", "http://[::1]:8080" }) {
			assertThat(ApiSettings.of(url, "p", SECRET, "u").baseUrl().getScheme()).isEqualTo("http");
		}
		for (String url : new String[] { "http://project.feishu.cn", "http://10.0.0.1", "http://128.0.0.1",
				"http://127.0.0.1.evil.com", "http://localhost.evil.com", "http://[::2]" }) {
			FpImportException failure = catchThrowableOfType(FpImportException.class,
					() -> ApiSettings.of(url, "p", SECRET, "u"));
			assertThat(failure.reason()).as(url).isEqualTo(Reason.INVALID_INPUT);
			assertThat(failure.getMessage()).as(url).contains("must use https://").doesNotContain("\n");
		}
	}

	@Test
	void otherUrlsAreRefusedWithOneLine() {
		for (String url : new String[] { "ftp://host", "project.feishu.cn", "https://user:pw@project.feishu.cn",
				"https://project.feishu.cn?x=1", "", "https://exa mple.com" }) {
			FpImportException failure = catchThrowableOfType(FpImportException.class,
					() -> ApiSettings.of(url, "p", SECRET, "u"));
			assertThat(failure.reason()).as(url).isEqualTo(Reason.INVALID_INPUT);
			assertThat(failure.getMessage()).as(url).doesNotContain("\n").doesNotContain("pw");
		}
	}

	@Test
	void missingCredentialsAreInvalidInput() {
		assertThat(catchThrowableOfType(FpImportException.class, () -> ApiSettings.of("https://h", " ", SECRET, "u"))
			.getMessage()).contains("plugin id");
		assertThat(catchThrowableOfType(FpImportException.class,
				() -> ApiSettings.of("https://h", "p", Secret.of(""), "u"))
			.reason()).isEqualTo(Reason.INVALID_INPUT);
		assertThat(catchThrowableOfType(FpImportException.class, () -> ApiSettings.of("https://h", "p", SECRET, null))
			.getMessage()).contains("user key");
		assertThat(catchThrowableOfType(FpImportException.class,
				() -> ApiSettings.of("https://h", "p", SECRET, "u").withQps(0))
			.reason()).isEqualTo(Reason.INVALID_INPUT);
	}

	@Test
	void toStringHidesTheSecret() {
		ApiSettings settings = ApiSettings.of("https://project.feishu.cn", "p", SECRET, "u");

		assertThat(settings.toString()).doesNotContain("very-secret").contains("******").contains("project.feishu.cn");
	}

	@Test
	void retryPolicyCapsDoubleUpToTheMaximum() {
		ApiSettings.RetryPolicy policy = new ApiSettings.RetryPolicy(10, Duration.ofMinutes(1), Duration.ofMillis(500),
				Duration.ofSeconds(3));

		assertThat(policy.cap(1)).isEqualTo(Duration.ofMillis(500));
		assertThat(policy.cap(2)).isEqualTo(Duration.ofSeconds(1));
		assertThat(policy.cap(3)).isEqualTo(Duration.ofSeconds(2));
		assertThat(policy.cap(4)).isEqualTo(Duration.ofSeconds(3));
		assertThat(policy.cap(60)).isEqualTo(Duration.ofSeconds(3));
		assertThatIllegalArgumentException().isThrownBy(() -> new ApiSettings.RetryPolicy(0, Duration.ofMinutes(1),
				Duration.ofMillis(1), Duration.ofMillis(1)));
	}

}
