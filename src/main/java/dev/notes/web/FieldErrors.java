package dev.notes.web;

import jakarta.faces.component.UIInput;
import jakarta.faces.component.UIMessage;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Ties each refused form field to the message shown beside it, for screen readers: the field gets
 * {@code aria-invalid="true"} and its message's id in {@code aria-describedby}, so that the error
 * is read out when the field gets focus (WCAG 1.3.1 and 3.3.1); a field valid again loses both,
 * and keeps what else describes it (the note text's Markdown help). Registered in faces-config.xml
 * for every view before it renders, so no page repeats it; a page names each {@code h:message} (an
 * id of its own, which MyFaces then writes) so that there is an id to refer to.
 * <p>
 * Only a postback can hold field messages, and only a restored view can hold the attributes of an
 * earlier render, so a view rendered for a GET is not walked.
 */
public class FieldErrors implements SystemEventListener {

    static final String INVALID = "aria-invalid";
    static final String DESCRIBED_BY = "aria-describedby";

    @Override
    public boolean isListenerForSource(Object source) {
        return source instanceof UIViewRoot;
    }

    @Override
    public void processEvent(SystemEvent event) {
        FacesContext context = FacesContext.getCurrentInstance();
        if (!context.isPostback()) {
            return;
        }
        ((UIViewRoot) event.getSource()).visitTree(VisitContext.createVisitContext(context), (visit, component) -> {
            if (component instanceof UIMessage message && message.getFor() != null
                    && message.findComponent(message.getFor()) instanceof UIInput field) {
                String messageId = message.getClientId(context);
                boolean refused = !context.getMessageList(field.getClientId(context)).isEmpty();
                describe(field.getPassThroughAttributes(), messageId, refused);
            }
            return VisitResult.ACCEPT;
        });
    }

    /** Sets or clears, in a field's pass-through attributes, that its message {@code messageId} describes a refusal. */
    static void describe(Map<String, Object> attributes, String messageId, boolean refused) {
        List<String> describedBy = new ArrayList<>();
        if (attributes.get(DESCRIBED_BY) instanceof String ids && !ids.isBlank()) {
            describedBy.addAll(Arrays.asList(ids.trim().split("\\s+")));
        }
        describedBy.remove(messageId);
        if (refused) {
            describedBy.add(messageId);
            attributes.put(INVALID, "true");
        } else {
            attributes.remove(INVALID);
        }
        if (describedBy.isEmpty()) {
            attributes.remove(DESCRIBED_BY);
        } else {
            attributes.put(DESCRIBED_BY, String.join(" ", describedBy));
        }
    }
}
