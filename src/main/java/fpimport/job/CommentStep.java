package fpimport.job;

import java.util.List;

/**
 * One comment of the row. Done when the item holds as many comments with this text as the
 * row has up to and including this one.
 */
final class CommentStep implements AfterCreateStep {

	private final List<String> comments;

	private final int index;

	CommentStep(List<String> comments, int index) {
		this.comments = comments;
		this.index = index;
	}

	@Override
	public String kind() {
		return "comment";
	}

	@Override
	public String what() {
		return (this.index + 1) + "/" + this.comments.size();
	}

	@Override
	public boolean done(ItemView item) {
		String text = this.comments.get(this.index);
		long wanted = this.comments.subList(0, this.index + 1).stream().filter(text::equals).count();
		return item.comments().stream().filter(text::equals).count() >= wanted;
	}

	@Override
	public void run(ItemView item, String key) {
		String text = this.comments.get(this.index);
		item.client().comment(item.projectKey(), item.typeKey(), item.itemId(), text, key);
		item.commented(text);
	}

}
