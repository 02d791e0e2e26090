package dev.rapport.core;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Where the current request comes from, for the audit log. */
public final class RequestOrigin {

    private RequestOrigin() {}

    /** The remote address of the current request, or null outside a request. */
    public static @Nullable String address() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return address(attributes.getRequest());
        }
        return null;
    }

    public static String address(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
