from sangtao.cli import main

raise SystemExit(main())
