package fpimport.job;

import fpimport.api.OpenApiException;

/**
 * Aborts the item (a Jira resolution such as Won't Do). Aborted already (20007) counts as
 * done: the documents give no read of the flag, so the call itself tells.
 */
final class AbortStep implements AfterCreateStep {

	private final String reason;

	AbortStep(String reason) {
		this.reason = reason;
	}

	@Override
	public String kind() {
		return "abort";
	}

	@Override
	public String what() {
		return this.reason;
	}

	@Override
	public boolean done(ItemView item) {
		return false;
	}

	@Override
	public void run(ItemView item, String key) {
		try {
			item.client().abort(item.projectKey(), item.typeKey(), item.itemId(), this.reason, key);
		}
		catch (OpenApiException ex) {
			if (ex.errCode() != 20007) {
				throw ex;
			}
		}
	}

}
