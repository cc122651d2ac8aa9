@preconcurrency import Glibc

/// Makes stdout line-buffered, once, at start.
enum LineBuffering {
    static func enable() { setvbuf(stdout, nil, _IOLBF, 0) }
}
