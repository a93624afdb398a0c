package fpimport.mapping;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderNamesTest {

	@Test
	void aKeyIgnoresCaseWidthAndEverySpace() {
		assertThat(HeaderNames.key(" Estimate ( h ) ")).isEqualTo("estimate(h)");
		assertThat(HeaderNames.key("ＴＡＧＳ\u3000Ｘ")).isEqualTo("tagsx");
	}

	@Test
	void aBilingualNameIsKnownByEitherHalf() {
		assertThat(HeaderNames.forms("优先级 Priority")).containsExactly("优先级priority", "优先级", "priority");
		assertThat(HeaderNames.forms("Estimate (h) 预估工时")).containsExactly("estimate(h)预估工时", "estimate(h)", "预估工时");
		assertThat(HeaderNames.forms("外部编号 External ID")).containsExactly("外部编号externalid", "外部编号", "externalid");
		// one script, or three runs of scripts: the whole name only
		assertThat(HeaderNames.forms("Issue key")).containsExactly("issuekey");
		assertThat(HeaderNames.forms("A 中 B")).containsExactly("a中b");
		assertThat(HeaderNames.forms("  ")).isEmpty();
		assertThat(HeaderNames.forms("Custom field (Story Points)")).containsExactly("customfield(storypoints)",
				"storypoints");
	}

	@Test
	void aHeaderPairsWithTheWholeNameOrOneHalfEitherWay() {
		assertThat(HeaderNames.pair("优先级", "优先级 Priority")).isTrue();
		assertThat(HeaderNames.pair("PRIORITY", "优先级 Priority")).isTrue();
		assertThat(HeaderNames.pair("优先级 Priority", "Priority")).isTrue();
		assertThat(HeaderNames.pair("优先级Priority", "优先级 Priority")).isTrue();
		assertThat(HeaderNames.pair("优先", "优先级 Priority")).isFalse();
		assertThat(HeaderNames.pair("优先级 P", "优先级 Priority")).isFalse();
		assertThat(HeaderNames.pair(" ", "")).isFalse();
	}

	@Test
	void aLikeNameSharesAPartOfTwoCharactersOrMore() {
		assertThat(HeaderNames.alike("模块", "所属模块 Module")).isTrue();
		assertThat(HeaderNames.alike("所属模块 Module", "模块")).isTrue();
		assertThat(HeaderNames.alike("Estimate", "预估工时 Estimate (h)")).isTrue();
		assertThat(HeaderNames.alike("备注", "描述 Description")).isFalse();
		assertThat(HeaderNames.alike("模", "所属模块")).isFalse();
		assertThat(HeaderNames.alike("所属模块", "模")).isFalse();
	}

	@Test
	void wordsNameAFieldByAnyOfItsForms() {
		assertThat(HeaderNames.namedAs("标签 Tags", HeaderNames.words("Tags"))).isTrue();
		assertThat(HeaderNames.namedAs("标签 Tags", HeaderNames.words("标签"))).isTrue();
		assertThat(HeaderNames.namedAs("标签 Tags", HeaderNames.words("Labels", "Label"))).isFalse();
		assertThat(HeaderNames.words(" Issue  Key ", "ＩＤ")).containsExactlyInAnyOrder("issuekey", "id");
	}

}
