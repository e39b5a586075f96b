"""`python -m scripts.checks`: validate all content and data (see `scripts.checks.run`)."""

import sys

from scripts.checks.run import main

sys.exit(main())
