/**
 * Imported first by the pages: the Content-Security-Policy has no 'unsafe-eval', so zod must not probe for eval
 * (the caught `new Function` would still be reported as a violation). Validation is the same, only not compiled.
 */
import { config } from "zod";

config({ jitless: true });
