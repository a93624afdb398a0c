package fpimport.translation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Text-valued fields: {@code text}, {@code multi_text}, {@code business} (an id) as
 * written, and {@code link}, {@code email}, {@code telephone} after a check of their
 * form. Free text joins the values of a repeated column, with a newline or the mapping's
 * {@code join}.
 */
final class TextTranslator implements FieldValueTranslator {

	enum Form {

		ANY, ID, LINK, EMAIL, TELEPHONE

	}

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

	private static final Pattern TELEPHONE = Pattern.compile("\\+?\\(?[0-9][0-9 ()\\-]{2,29}");

	private final String fieldName;

	private final FieldSettings settings;

	private final Form form;

	TextTranslator(String fieldName, FieldSettings settings, Form form) {
		this.fieldName = fieldName;
		this.settings = settings;
		this.form = form;
	}

	@Override
	public Translation translate(String cell) {
		// rich text keeps its inner line breaks and indentation; only the edges are
		// trimmed
		String text = this.settings.alias(cell.strip()).strip();
		return switch (this.form) {
			case ANY, ID -> Translation.of(text);
			case LINK -> isLink(text) ? Translation.of(text) : Translation.refused("not a link '" + text + "' for "
					+ this.fieldName + "; write a full URL such as https://example.com/page");
			case EMAIL -> EMAIL.matcher(text).matches() ? Translation.of(text) : Translation.refused(
					"not an e-mail address '" + text + "' for " + this.fieldName + "; write it as name@example.com");
			case TELEPHONE -> TELEPHONE.matcher(text).matches() ? Translation.of(text)
					: Translation.refused("not a telephone number '" + text + "' for " + this.fieldName
							+ "; use digits with an optional leading +, spaces, - and ()");
		};
	}

	/** Text is what the spreadsheet shows: {@code 15%}, not {@code 0.15}. */
	@Override
	public boolean readsShownText() {
		return true;
	}

	/**
	 * Free text joins the values of a repeated column; an id, link, address or number is
	 * one value.
	 */
	@Override
	public boolean takesSeveral() {
		return this.form == Form.ANY;
	}

	@Override
	public Translation translate(List<String> cells) {
		if (!takesSeveral()) {
			return FieldValueTranslator.super.translate(cells);
		}
		return Translation.of(String.join(this.settings.join(),
				cells.stream().map((cell) -> this.settings.alias(cell.strip()).strip()).toList()));
	}

	static boolean isLink(String text) {
		if (plainLink(text)) {
			return true;
		}
		try {
			URI uri = new URI(text);
			String scheme = uri.getScheme();
			return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
					&& uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/**
	 * Whether a text is a link of the plain shape most are, read without parsing a URI:
	 * {@code http://} or {@code https://}, a host name of letters and digits in labels
	 * (the last starting with a letter), then nothing or a path of letters, digits and
	 * {@code / . _ ~ -}. Such a text is always a URI with that scheme and host; any other
	 * is parsed.
	 */
	static boolean plainLink(String text) {
		int length = text.length();
		int at;
		if (text.regionMatches(true, 0, "https://", 0, 8)) {
			at = 8;
		}
		else if (text.regionMatches(true, 0, "http://", 0, 7)) {
			at = 7;
		}
		else {
			return false;
		}
		// labels: letters and digits, separated by single dots; the last starts with a
		// letter
		int labelStart = at;
		while (at < length && text.charAt(at) != '/') {
			char c = text.charAt(at);
			if (c == '.') {
				if (at == labelStart) {
					return false;
				}
				labelStart = at + 1;
			}
			else if (!isAsciiLetterOrDigit(c)) {
				return false;
			}
			at++;
		}
		if (at == labelStart || !isAsciiLetter(text.charAt(labelStart))) {
			return false;
		}
		for (; at < length; at++) {
			char c = text.charAt(at);
			if (!isAsciiLetterOrDigit(c) && c != '/' && c != '.' && c != '_' && c != '~' && c != '-') {
				return false;
			}
		}
		return true;
	}

	private static boolean isAsciiLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	private static boolean isAsciiLetterOrDigit(char c) {
		return isAsciiLetter(c) || (c >= '0' && c <= '9');
	}

}
