package fpimport.mapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import fpimport.workitem.MatchKey;

/**
 * How {@code init-mapping} compares a header with the name of a field, role or option:
 * ignoring case, width and every space, and either half of a bilingual name, so that
 * {@code 优先级}, {@code Priority} and {@code 优先级 Priority} all pair with a field named
 * {@code 优先级 Priority}, and the other way round.
 */
final class HeaderNames {

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}]");

	private static final Pattern JIRA_CUSTOM = Pattern.compile("(?i)custom field \\((.+)\\)");

	private HeaderNames() {
	}

	/** The whole text compared: no spaces, lower case, half width. */
	static String key(String text) {
		return SPACES.matcher(MatchKey.of(text)).replaceAll("");
	}

	/**
	 * The forms a name is known by: the whole of it, and when it is written in two
	 * scripts ({@code 优先级 Priority}, {@code Priority 优先级}), each half; a Jira
	 * {@code Custom field (X)} is also known as X.
	 */
	static Set<String> forms(String text) {
		Set<String> forms = new LinkedHashSet<>();
		String normal = MatchKey.of(text);
		if (normal.isEmpty()) {
			return forms;
		}
		forms.add(key(normal));
		var custom = JIRA_CUSTOM.matcher(normal);
		if (custom.matches()) {
			forms.addAll(forms(custom.group(1)));
		}
		String[] tokens = SPACES.split(normal);
		int switches = 0;
		int at = 0;
		for (int i = 1; i < tokens.length; i++) {
			if (cjk(tokens[i]) != cjk(tokens[i - 1])) {
				switches++;
				at = i;
			}
		}
		if (switches == 1) {
			forms.add(join(tokens, 0, at));
			forms.add(join(tokens, at, tokens.length));
		}
		return forms;
	}

	/**
	 * Whether a header and a name pair: one's whole text is the other's whole text or one
	 * of its halves.
	 */
	static boolean pair(String header, String name) {
		String whole = key(header);
		String other = key(name);
		return !whole.isEmpty() && (forms(name).contains(whole) || forms(header).contains(other));
	}

	/** Whether the name is known by one of the words ({@link #key} forms). */
	static boolean namedAs(String name, Set<String> words) {
		for (String form : forms(name)) {
			if (words.contains(form)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a header and a name share a part of two or more characters: one form of one
	 * holds a form of the other. A weak likeness, for commented candidates only.
	 */
	static boolean alike(String header, String name) {
		for (String a : forms(header)) {
			for (String b : forms(name)) {
				if (a.length() >= 2 && b.length() >= 2 && (a.contains(b) || b.contains(a))) {
					return true;
				}
			}
		}
		return false;
	}

	/** The words of a vocabulary in {@link #key} form. */
	static Set<String> words(String... words) {
		List<String> keys = new ArrayList<>();
		for (String word : words) {
			keys.add(key(word));
		}
		return Set.copyOf(keys);
	}

	private static boolean cjk(String token) {
		return CJK.matcher(token).find();
	}

	private static String join(String[] tokens, int from, int to) {
		StringBuilder text = new StringBuilder();
		for (int i = from; i < to; i++) {
			text.append(tokens[i]);
		}
		return text.toString();
	}

}
