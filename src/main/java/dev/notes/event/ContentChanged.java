package dev.notes.event;

/**
 * What readers are shown may have changed: a change of the cluster reached this instance, or
 * changes may have been missed. Fired synchronously, once per delivered event on every instance, by
 * the layer that carries events between instances; what keeps rendered content (the page cache)
 * observes it and forgets.
 * <p>
 * A CDI event in the domain rather than a call: the delivery of events need not know who keeps
 * rendered pages, and the web layer, which does, need not depend on how events travel.
 */
public record ContentChanged() {
}
