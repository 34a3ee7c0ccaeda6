// Starts s3rver on a free loopback port with one empty bucket and prints the address it listens on.
//   node start.mjs <data folder> <bucket>
import S3rver from 's3rver';

const [directory, bucket] = process.argv.slice(2);
const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: bucket }] });
const { port } = await server.run();
console.log(`listening http://127.0.0.1:${port}`);
process.on('SIGTERM', async () => {
  await server.close();
  process.exit(0);
});
// The test process holds our stdin open; when it ends, however it ended, so does the server.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
