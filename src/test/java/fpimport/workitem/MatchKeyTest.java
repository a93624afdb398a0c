package fpimport.workitem;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MatchKeyTest {

	@Test
	void ignoresSurroundingSpacesCaseAndWidth() {
		assertThat(MatchKey.matches("  Priority ", "priority")).isTrue();
		assertThat(MatchKey.matches("ＰＲＩＯＲＩＴＹ", "priority")).isTrue();
		assertThat(MatchKey.matches("优先级（高）", "优先级(高)")).isTrue();
		assertThat(MatchKey.matches("\u3000标题\u3000", "标题")).isTrue();
	}

	@Test
	void keepsInnerDifferences() {
		assertThat(MatchKey.matches("P 0", "P0")).isFalse();
		assertThat(MatchKey.matches("前端/登录", "前端/注册")).isFalse();
		assertThat(MatchKey.of(null)).isEmpty();
	}

	@Test
	void aKeyAskedAgainIsTheSameAsTheFirstTime() {
		// keys of short texts are remembered, and ASCII is not normalized
		for (int round = 0; round < 2; round++) {
			assertThat(MatchKey.of("ＰＲＩＯＲＩＴＹ ")).isEqualTo("priority");
			assertThat(MatchKey.of(" High\t")).isEqualTo("high");
			assertThat(MatchKey.of("ﬁle")).isEqualTo("file");
		}
		// more texts than are remembered at once: each still gets its own key
		for (int i = 0; i < 20_000; i++) {
			assertThat(MatchKey.of("ＯＰＴＩＯＮ " + i)).isEqualTo("option " + i);
		}
	}

}
