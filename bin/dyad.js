#!/usr/bin/env node
// Entry point: runs the CLI from JavaScript compiled from src/ (see compiled.mjs; tsx if that fails).
import { sourceModule } from './compiled.mjs';

const { main } = await import(await sourceModule('cli/main.ts'));
process.exitCode = await main(process.argv);
