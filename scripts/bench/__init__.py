"""`make bench`: conversion accuracy and speed, build time and memory at 100 and 1000 case
reports, the overhead of the project's hooks, what a reader downloads, and live-reload time."""
