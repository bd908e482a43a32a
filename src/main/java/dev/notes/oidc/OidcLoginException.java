package dev.notes.oidc;

/** A login through the OpenID provider failed; {@link #problem} says why, the cause (if any) how. */
public class OidcLoginException extends Exception {

    private static final long serialVersionUID = 1L;

    private final OidcProblem problem;

    public OidcLoginException(OidcProblem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public OidcLoginException(OidcProblem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public OidcProblem problem() {
        return problem;
    }
}
