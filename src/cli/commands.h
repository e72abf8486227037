/* commands.h - every command's entry point; the table is in main.c. */
#ifndef RP_COMMANDS_H
#define RP_COMMANDS_H

#include "cli/cli.h"

cli_fn cli_ask, cli_check, cli_commitment, cli_deal, cli_dedupe, cli_merge,
    cli_export, cli_give, cli_import, cli_init, cli_ledger, cli_log, cli_me,
    cli_offering, cli_org, cli_outcome, cli_person, cli_ready, cli_received,
    cli_search, cli_sentiment, cli_today;

#endif
