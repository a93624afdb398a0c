package fpimport.translation;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static fpimport.translation.Fields.field;
import static fpimport.translation.Fields.translator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TextTranslatorTest {

	@Test
	void aPlainLinkIsALinkAsAParsedUriSaysAndAnyOtherTextIsParsed() {
		String[] starts = { "https://", "http://", "HTTPS://", "Http://", "ftp://", "https:/", "" };
		String alphabet = "ab9Z.-_~/%?#@: 需";
		java.util.Random random = new java.util.Random(5);
		int plain = 0;
		for (int n = 0; n < 100_000; n++) {
			StringBuilder text = new StringBuilder(starts[random.nextInt(starts.length)]);
			int length = random.nextInt(16);
			for (int i = 0; i < length; i++) {
				// mostly letters and dots, so that many texts are plain links
				text.append(random.nextInt(3) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
						: "abc.".charAt(random.nextInt(4)));
			}
			String link = text.toString();
			boolean parsed = parsedLink(link);
			if (TextTranslator.plainLink(link)) {
				plain++;
				assertThat(parsed).as(link).isTrue();
			}
			assertThat(TextTranslator.isLink(link)).as(link).isEqualTo(parsed);
		}
		assertThat(plain).as("the plain shape is tried often").isGreaterThan(5_000);
		assertThat(TextTranslator.plainLink("https://docs.example.com/prd/1_a~b-c.html")).isTrue();
		assertThat(TextTranslator.plainLink("http://localhost")).isTrue();
		assertThat(TextTranslator.plainLink("https://example.9com/")).isFalse();
		assertThat(TextTranslator.plainLink("https://example..com/")).isFalse();
		assertThat(TextTranslator.plainLink("https://example.com/a?b")).isFalse();
		assertThat(TextTranslator.isLink("https://example.com/a?b=1#c")).isTrue();
	}

	/**
	 * The rule as it is written without the plain shape: a parsed URI's scheme and host.
	 */
	private static boolean parsedLink(String text) {
		try {
			java.net.URI uri = new java.net.URI(text);
			return uri.getScheme() != null
					&& (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
					&& uri.getHost() != null;
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}

	@Test
	void textIsTheCellWithoutSurroundingSpaces() {
		FieldValueTranslator text = translator(field("description", "描述", "text"));
		assertThat(text.translate("  登录页改版 ")).isEqualTo(Translation.of("登录页改版"));
		assertThat(text.translate("a, b; c")).isEqualTo(Translation.of("a, b; c"));
	}

	@Test
	void richTextKeepsItsLines() {
		FieldValueTranslator text = translator(field("detail", "详情", "multi_text"));
		assertThat(text.translate("line 1\n  line 2\n")).isEqualTo(Translation.of("line 1\n  line 2"));
	}

	@Test
	void businessIsTheIdAsWritten() {
		FieldValueTranslator business = translator(field("business", "业务线", "business"));
		assertThat(business.translate("662f0e13b1a20d5dd5fb3320"))
			.isEqualTo(Translation.of("662f0e13b1a20d5dd5fb3320"));
	}

	@Test
	void valuesRewriteTheCellFirst() {
		FieldValueTranslator business = FieldValueTranslator.forField(field("business", "业务线", "business"),
				Fields.withValues(Map.of("支付", "662f0e13b1a20d5dd5fb3320")), People.none());
		assertThat(business.translate(" 支付 ")).isEqualTo(Translation.of("662f0e13b1a20d5dd5fb3320"));
	}

	@Test
	void linkMustBeAFullHttpUrl() {
		FieldValueTranslator link = translator(field("doc_link", "文档", "link"));
		assertThat(link.translate("https://example.com/prd?id=1"))
			.isEqualTo(Translation.of("https://example.com/prd?id=1"));
		assertThat(link.translate("example.com/prd")).isEqualTo(Translation
			.refused("not a link 'example.com/prd' for 文档; write a full URL such as https://example.com/page"));
		assertThat(link.translate("ftp://example.com/a").ok()).isFalse();
	}

	@Test
	void emailMustHaveOneAtAndADomain() {
		FieldValueTranslator email = translator(field("contact", "联系邮箱", "email"));
		assertThat(email.translate("wang@corp.com")).isEqualTo(Translation.of("wang@corp.com"));
		assertThat(email.translate("wang@corp"))
			.isEqualTo(Translation.refused("not an e-mail address 'wang@corp' for 联系邮箱; write it as name@example.com"));
	}

	@Test
	void telephoneIsDigitsWithPlusSpacesDashesAndBrackets() {
		FieldValueTranslator phone = translator(field("phone", "电话", "telephone"));
		assertThat(phone.translate("+86 (10) 1234-5678")).isEqualTo(Translation.of("+86 (10) 1234-5678"));
		assertThat(phone.translate("(021) 5888-1234")).isEqualTo(Translation.of("(021) 5888-1234"));
		assertThat(phone.translate("call me")).isEqualTo(Translation.refused(
				"not a telephone number 'call me' for 电话; use digits with an optional leading +, spaces, - and ()"));
	}

	@Test
	void fieldsThatCannotBeWrittenHaveNoTranslator() {
		assertThatIllegalArgumentException().isThrownBy(() -> translator(field("attachment", "附件", "multi_file")))
			.withMessage("field 附件 (attachment) has type multi_file, which cannot be written on create");
		assertThat(Translation.of(List.of()).ok()).isTrue();
	}

}
