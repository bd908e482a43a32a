package dev.notes.web;

import dev.notes.user.Moderation;
import dev.notes.user.ModerationRefusedException;
import dev.notes.user.NotAdministratorException;
import dev.notes.user.Registration;
import dev.notes.user.User;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.annotation.RequestParameterMap;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * "Users" ({@code /admin/users}, administrators only, web.xml): find accounts by the start of their
 * username, make one an administrator, disable or enable one ({@link Moderation}, which checks the
 * role again and logs each action). The row's button carries the username (see users.xhtml); after
 * an action the browser is sent back to the same search with a line saying what happened.
 */
@Named
@RequestScoped
public class UsersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String ACTIONS_FORM = "userActions";

    /** What the last action did, as the redirect's {@code done} parameter names it. */
    enum Done {
        PROMOTED("is an administrator from their next login."),
        DISABLED("is disabled: every session of the account has ended, and it cannot log in."),
        ENABLED("may log in again.");

        private final String sentence;

        Done(String sentence) {
            this.sentence = sentence;
        }
    }

    @Inject
    private transient Moderation moderation;

    @Inject
    @RequestParameterMap
    private transient Map<String, String> requestParameters;

    private List<User> users;

    /** The start of a username, as typed; blank lists the first users by name. */
    public String getQuery() {
        String query = requestParameters.get("q");
        return query == null ? "" : query;
    }

    /** Before rendering, so that a bad search's 400 and message come before the page's top is written. */
    public void load() {
        getUsers();
    }

    /** Found once, when first asked: before rendering, or earlier while a postback rebuilds the view. */
    public List<User> getUsers() {
        if (users == null) {
            String query = getQuery();
            if (query.length() > Registration.USERNAME_MAX) {
                Pages.badParameter("A username is at most " + Registration.USERNAME_MAX + " characters long.");
                users = List.of();
            } else {
                users = moderation.usersStartingWith(query);
            }
        }
        return users;
    }

    public boolean isMoreThanShown() {
        return getUsers().size() >= Moderation.PAGE_SIZE;
    }

    /** The line about the last action, or null. */
    public String getDone() {
        String username = requestParameters.get("user");
        String done = requestParameters.get("done");
        for (Done each : Done.values()) {
            if (each.name().equalsIgnoreCase(done) && username != null && username.length() <= Registration.USERNAME_MAX) {
                return username + " " + each.sentence;
            }
        }
        return null;
    }

    public void promote() {
        act("promote", Done.PROMOTED);
    }

    public void disable() {
        act("disable", Done.DISABLED);
    }

    public void enable() {
        act("enable", Done.ENABLED);
    }

    private void act(String button, Done done) {
        String username = requestParameters.get(ACTIONS_FORM + ":" + button);
        if (username == null || username.isBlank()) {
            Pages.badRequest();
            return;
        }
        try {
            switch (done) {
                case PROMOTED -> moderation.promote(username);
                case DISABLED -> moderation.disable(username);
                case ENABLED -> moderation.enable(username);
            }
            Pages.redirect("/admin/users?q=" + Pages.queryValue(getQuery()) + "&done=" + done.name().toLowerCase()
                    + "&user=" + Pages.queryValue(Registration.normalise(username)));
        } catch (ModerationRefusedException e) {
            Pages.error(null, e.getMessage());
        } catch (NotAdministratorException e) {
            Pages.forbidden();
        }
    }
}
