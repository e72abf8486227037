#include <stdio.h>
int main(void) { puts("rapport"); return 0; }
